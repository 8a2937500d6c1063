import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import type { DatabaseHealth } from '../../../electron/api';
import { useApiEvent } from '../../api/events';
import { queryKey, useApiQuery } from '../../api/queries';
import { navigate } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { formatDateTimeSeconds } from '../../i18n/format';
import { hasPermission, useSessionUser } from '../auth/session';

const HEALTH_KEY = queryKey('backups.health', {});
const PENDING_POLL_MS = 3_000;

function isPending(state: DatabaseHealth['state'] | undefined): boolean {
  return state === 'checking';
}

/**
 * For administrators: a banner over every page while the database fails its integrity check,
 * naming the newest good backup and leading to the 备份 page, where it is restored.
 */
export function DamageBanner() {
  const t = useT();
  const client = useQueryClient();
  const mayRestore = hasPermission(useSessionUser(), 'backups.manage');
  // The push covers changes once the event stream is open; a check that ends before it opens
  // would be missed, so while the answer is still pending the state is also asked for again.
  const health = useApiQuery('backups.health', {}, {
    enabled: mayRestore,
    staleTime: Infinity,
    refetchInterval: (query) => (isPending(query.state.data?.state) ? PENDING_POLL_MS : false),
  });
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
