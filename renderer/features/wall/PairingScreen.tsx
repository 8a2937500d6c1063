import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { errorText } from '../../../messages';
import { useLocale, useT } from '../../i18n';
import { pairWall } from './wall-status';

/** The wall PC's first screen: the pairing code, entered once. */
export function PairingScreen({ onPaired }: { onPaired: () => void }) {
  const t = useT();
  const [locale] = useLocale();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await pairWall(code);
      onPaired();
    } catch (err) {
      const reply = (err as { reply?: Parameters<typeof errorText>[0] }).reply;
      setError(reply ? errorText(reply, locale) : t('wall.unreachable'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="gd-wall-pair" data-testid="wall-pairing">
      <h1>{t('wall.pair.title')}</h1>
      <p>{t('wall.pair.hint')}</p>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={t('wall.pair.code')} validateStatus={error ? 'error' : ''}>
          <Input
            size="large"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            maxLength={12}
            autoFocus
            data-testid="wall-code-input"
          />
        </Form.Item>
        {error ? <Alert type="error" showIcon message={error} data-testid="wall-pair-error" /> : null}
        <Button type="primary" size="large" htmlType="submit" loading={busy} disabled={code.trim() === ''} data-testid="wall-pair-submit">
          {t('wall.pair.submit')}
        </Button>
      </Form>
    </div>
  );
}
