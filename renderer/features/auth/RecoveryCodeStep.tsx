import { useState } from 'react';
import { App, Button, Checkbox } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { AuthShell } from './AuthShell';

/** After setup: the recovery code, shown this once; continuing needs the 「已抄写」 checkbox. */
export function RecoveryCodeStep({ code, onContinue }: { code: string; onContinue: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [kept, setKept] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      void message.success(t('auth.recovery.copied'));
    } catch {
      void message.error(t('auth.recovery.copyFailed'));
    }
  };

  return (
    <AuthShell title={t('auth.recovery.title')} subtitle={t('auth.recovery.text')} testId="recovery-page">
      <div className="gd-recovery-code" data-testid="recovery-code" aria-label={t('auth.recover.code')}>
        {code}
      </div>
      <div className="gd-recovery-actions">
        <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="recovery-copy">
          {t('auth.recovery.copy')}
        </Button>
        <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)} data-testid="recovery-ack">
          {t('auth.recovery.ack')}
        </Checkbox>
        <Button type="primary" size="large" block disabled={!kept} onClick={onContinue} data-testid="recovery-continue">
          {t('auth.recovery.continue')}
        </Button>
      </div>
    </AuthShell>
  );
}
