import { App, Button, DatePicker, Tooltip } from 'antd';
import { HistoryOutlined, LoadingOutlined } from '@ant-design/icons';
import { describeError } from '../../ui/error-text';
import dayjs from 'dayjs';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n';

interface Props {
  at: number | null;
  onChange(at: number | null): void;
}

/**
 * 「历史状态」: pick a past moment (or a preset: 昨天此时, 上周此时, 一个月前) to see every
 * building's status as it was then. A future moment, clicked or typed, is refused with a message.
 */
export function AsOfControl({ at, onChange }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const now = dayjs();
  const presets = [
    { label: t('map.asof.yesterday'), value: now.subtract(1, 'day') },
    { label: t('map.asof.lastWeek'), value: now.subtract(1, 'week') },
    { label: t('map.asof.lastMonth'), value: now.subtract(1, 'month') },
  ];
  const pick = (d: dayjs.Dayjs | null) => {
    if (d && d.isAfter(dayjs(), 'minute')) {
      void message.warning({ content: t('map.asof.future'), key: 'asof-future' });
      return;
    }
    onChange(d ? Math.min(d.valueOf(), Date.now()) : null);
  };
  return (
    <Tooltip title={t('map.asof.hint')}>
      <DatePicker
        size="small"
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={at === null ? null : dayjs(at)}
        placeholder={t('map.asof.label')}
        prefix={<HistoryOutlined />}
        presets={presets}
        onChange={pick}
        className="gd-asof-picker"
        data-testid="asof-picker"
        aria-label={t('map.asof.label')}
      />
    </Tooltip>
  );
}

/** The banner while the map shows the past. */
export function AsOfBanner({ at, loading, error, onBack }: { at: number; loading: boolean; error: Error | null; onBack(): void }) {
  const t = useT();
  return (
    <div className="gd-overlay gd-asof-banner" role="status" data-testid="asof-banner" data-at={at} data-loading={loading}>
      {loading ? <LoadingOutlined aria-hidden="true" /> : <HistoryOutlined aria-hidden="true" />}
      <span>{t('map.asof.banner', { date: formatDateTime(at) })}</span>
      {error ? <span className="gd-asof-error">{describeError(error, t).message}</span> : null}
      <Button size="small" type="primary" onClick={onBack} data-testid="asof-back">
        {t('map.asof.back')}
      </Button>
    </div>
  );
}
