import { InputNumber, Space } from 'antd';
import { useT } from '../../i18n';

interface Props {
  /** Minutes (a clock time after midnight, or a length). */
  value?: number | undefined;
  onChange?: ((minutes: number) => void) | undefined;
  /** The most hours the hour box takes (23 for a clock time); larger lengths are left to the service to refuse. */
  maxHours: number;
  testId: string;
}

/** Hours and minutes in two boxes, held by the form as minutes. */
export function MinutesInput({ value, onChange, maxHours, testId }: Props) {
  const t = useT();
  const minutes = value ?? 0;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return (
    <Space.Compact data-testid={testId}>
      <InputNumber
        min={0}
        max={maxHours}
        precision={0}
        value={hours}
        addonAfter={t('staffing.template.hours')}
        onChange={(h) => onChange?.((h ?? 0) * 60 + rest)}
        data-testid={`${testId}-h`}
      />
      <InputNumber
        min={0}
        max={59}
        precision={0}
        value={rest}
        addonAfter={t('staffing.template.minutes')}
        onChange={(m) => onChange?.(hours * 60 + (m ?? 0))}
        data-testid={`${testId}-m`}
      />
    </Space.Compact>
  );
}
