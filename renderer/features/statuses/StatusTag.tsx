import { Tag } from 'antd';
import type { ControlStatus } from '../../../electron/api';
import { useStatusStyles } from './use-status-styles';

/** A status as a solid tag in its configured colour (grey for an unknown key). */
export function StatusTag({ status, testId }: { status: ControlStatus; testId?: string }) {
  const look = useStatusStyles().look(status);
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
