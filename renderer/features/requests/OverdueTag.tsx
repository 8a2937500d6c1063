import { Tag, Tooltip } from 'antd';
import type { RequestRow } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';

/** 超时 for a request past its limit now; 督办 for one escalated before, since handled in time. */
export function OverdueTag({ row }: { row: Pick<RequestRow, 'overdue' | 'escalatedAt' | 'dueAt'> }) {
  const t = useT();
  if (row.overdue) {
    return (
      <Tooltip title={row.dueAt === null ? null : t('requests.overdueSince', { at: formatDateTime(row.dueAt) })}>
        <Tag color="red" data-testid="request-overdue">
          {t('requests.overdue')}
        </Tag>
      </Tooltip>
    );
  }
  if (row.escalatedAt !== null) {
    return (
      <Tooltip title={t('requests.escalatedAt', { at: formatDateTime(row.escalatedAt) })}>
        <Tag color="volcano" data-testid="request-escalated">
          {t('requests.escalated')}
        </Tag>
      </Tooltip>
    );
  }
  return null;
}
