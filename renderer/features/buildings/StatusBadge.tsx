import { Tag } from 'antd';
import type { ControlStatus } from '../../../electron/api';
import { useStatusLook } from './use-statuses';

/** A status as a solid tag in its configured colour. */
export function StatusBadge({ status, testId }: { status: ControlStatus; testId?: string }) {
  const look = useStatusLook()(status);
  return (
    <Tag
      variant="filled"
      data-testid={testId}
      data-status={status}
      style={{ background: look.color, color: look.textColor, marginInlineEnd: 0 }}
    >
      {look.label}
    </Tag>
  );
}
