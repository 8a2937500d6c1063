import { App, Button, Card, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';

/** This office's key card: text, QR code and the fingerprint to read aloud. */
export function IdentityCard() {
  const t = useT();
  const { message } = App.useApp();
  const identity = useApiQuery('bundles.identity', {});
  if (identity.isError) return <ErrorState compact error={identity.error} onRetry={() => void identity.refetch()} testId="exchange-identity-error" />;
  if (!identity.data) return <LoadingState text={t('app.loading')} />;
  const id = identity.data;
  const copy = () => void navigator.clipboard.writeText(id.card).then(() => void message.success(t('exchange.copied')));
  return (
    <Card className="gd-exchange-card" title={t('exchange.identity')} data-testid="exchange-identity" size="small">
      <Typography.Paragraph type="secondary">{t('exchange.identity.hint')}</Typography.Paragraph>
      <div>
        {t('exchange.fingerprint')}：
        <span className="gd-exchange-fingerprint" data-testid="exchange-fingerprint">
          {id.fingerprint}
        </span>
      </div>
      <img className="gd-exchange-qr" alt={t('exchange.identity')} src={`data:image/svg+xml;utf8,${encodeURIComponent(id.qrSvg)}`} data-testid="exchange-qr" />
      <pre data-testid="exchange-card-text">{id.card}</pre>
      <Button icon={<CopyOutlined />} onClick={copy} data-testid="exchange-copy-card">
        {t('exchange.copyCard')}
      </Button>
    </Card>
  );
}
