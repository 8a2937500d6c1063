import { Alert } from 'antd';
import { useT } from '../../i18n';

/** What a finished restore job hands back. */
export interface RestoreResult {
  restoredFrom: string;
  setAsideAs: string | null;
}

/** What a restore did: which backup is now in use, and where the replaced database was moved. */
export function BackupRestoreResult({ result, onClose }: { result: RestoreResult; onClose: () => void }) {
  const t = useT();
  return (
    <Alert
      className="gd-admin-alert"
      type="success"
      showIcon
      closable={{ onClose }}
      data-testid="backup-restore-result"
      title={t('backups.restore.done', { name: result.restoredFrom })}
      description={
        result.setAsideAs ? t('backups.restore.setAside', { path: result.setAsideAs }) : t('backups.restore.noSetAside')
      }
    />
  );
}
