import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useApiEvent } from '../../api/events';
import { queryKey, useApiQuery } from '../../api/queries';
import { navigate } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { formatDateTimeSeconds } from '../../i18n/format';
import { hasPermission, useSessionUser } from '../auth/session';

const HEALTH_KEY = queryKey('backups.health', {});

/**
 * For administrators: a banner over every page while the database fails its integrity check,
 * naming the newest good backup and leading to the 备份 page, where it is restored.
 */
export function DamageBanner() {
  const t = useT();
  const client = useQueryClient();
  const mayRestore = hasPermission(useSessionUser(), 'backups.manage');
  const health = useApiQuery('backups.health', {}, { enabled: mayRestore, staleTime: Infinity });
  useApiEvent('database.health', (next) => {
    if (mayRestore) client.setQueryData(HEALTH_KEY, next);
  });
  const current = health.data;
  if (!mayRestore || current?.state !== 'damaged') return null;
  const problem = current.problems[0] ?? '';
  const backup = current.newestGoodBackup;
  return (
    <Alert
      type="error"
      showIcon
      banner
      data-testid="damage-banner"
      title={t('health.damaged.title')}
      description={
        backup
          ? t('health.damaged.withBackup', { problem, name: backup.name, time: formatDateTimeSeconds(backup.createdAt) })
          : t('health.damaged.noBackup', { problem })
      }
      action={
        backup ? (
          <Button danger size="small" onClick={() => navigate('backups')} data-testid="damage-banner-restore">
            {t('health.damaged.restore')}
          </Button>
        ) : null
      }
    />
  );
}
