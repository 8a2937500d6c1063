import { Button, DatePicker, Tooltip } from 'antd';
import { HistoryOutlined, LoadingOutlined } from '@ant-design/icons';
import { describeError } from '../../ui/error-text';
import dayjs from 'dayjs';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n';

interface Props {
  at: number | null;
  onChange(at: number | null): void;
}

/** 「历史状态」: pick a past moment to see every building's status as it was then. */
export function AsOfControl({ at, onChange }: Props) {
  const t = useT();
  return (
    <Tooltip title={t('map.asof.hint')}>
      <DatePicker
        size="small"
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        value={at === null ? null : dayjs(at)}
        placeholder={t('map.asof.label')}
        prefix={<HistoryOutlined />}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(d) => onChange(d ? Math.min(d.valueOf(), Date.now()) : null)}
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
