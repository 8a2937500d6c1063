import { Drawer, Empty } from 'antd';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { HandoverText } from './HandoverText';

/** A post's position log: its handover notes, newest shift first. */
export function PostLogDrawer({ postId, onClose }: { postId: string; onClose: () => void }) {
  const t = useT();
  const log = useApiQuery('staffing.postLog', { postId });
  return (
    <Drawer open width={440} title={log.data ? t('staffing.log.title', { name: log.data.post.name }) : t('staffing.log.loading')} onClose={onClose}>
      <div data-testid="staff-post-log">
        {log.isError ? (
          <ErrorState error={log.error} onRetry={() => void log.refetch()} />
        ) : !log.data ? (
          <LoadingState text={t('staffing.log.loading')} />
        ) : log.data.notes.length === 0 ? (
          <Empty description={t('staffing.log.empty')} />
        ) : (
          log.data.notes.map((n) => <HandoverText key={n.id} note={n} />)
        )}
      </div>
    </Drawer>
  );
}
