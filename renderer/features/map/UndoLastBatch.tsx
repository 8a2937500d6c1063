import { Button, Popconfirm, type ButtonProps } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useApiQuery } from '../../api/queries';
import { useStartupSettled } from '../../api/startup-gate';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import { useStatusStyles } from '../statuses/use-status-styles';
import { useUndoBatch } from '../statuses/use-undo-batch';

/**
 * 「撤销上次批量变更」: the caller's latest change that can still be undone; a change of one
 * building is offered as that building's change (「撤销上次变更」), not as a batch.
 */
export function UndoLastBatch({ disabled }: { disabled?: boolean }) {
  const t = useT();
  const styles = useStatusStyles();
  const last = useApiQuery('buildings.lastBatch', {}, { staleTime: 30_000, enabled: useStartupSettled() });
  const undo = useUndoBatch();
  const batch = last.data;
  if (!batch) return null;
  const one = batch.buildingCount === 1;
  const what = { selection: batch.selection, status: styles.look(batch.status).label, at: formatDateTime(batch.changedAt) };
  return (
    <Popconfirm
      title={t(one ? 'map.undo.confirmOne' : 'map.undo.confirmTitle')}
      description={
        <div className="gd-undo-desc" data-testid="undo-last-desc">
          {one ? t('map.undo.describeOne', what) : t('map.undo.describe', { ...what, count: formatNumber(batch.buildingCount) })}
          <div className="gd-muted">{batch.reason}</div>
        </div>
      }
      okText={t('map.undo.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'undo-last-ok' } as ButtonProps}
      onConfirm={() => undo.mutateAsync({ batchId: batch.id }).catch(() => undefined)}
    >
      <Button size="small" icon={<UndoOutlined />} loading={undo.isPending} disabled={disabled} data-testid="undo-last" data-batch-id={batch.id}>
        {t(one ? 'map.undo.lastOne' : 'map.undo.last')}
      </Button>
    </Popconfirm>
  );
}
