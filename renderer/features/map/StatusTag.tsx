import { Tag } from 'antd';
import type { ControlStatus } from '../../../electron/api';
import { statusColor, statusLabel, statusTextColor } from '../../../maps/status';
import { useLocale } from '../../i18n';

/** A status as a solid tag in the map's colours. */
export function StatusTag({ status, testId }: { status: ControlStatus; testId?: string }) {
  const [locale] = useLocale();
  return (
    <Tag
      variant="filled"
      data-testid={testId}
      data-status={status}
      style={{ background: statusColor(status), color: statusTextColor(status), marginInlineEnd: 0 }}
    >
      {statusLabel(status, locale)}
    </Tag>
  );
}
