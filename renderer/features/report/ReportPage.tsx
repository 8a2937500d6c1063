import { App, Button, DatePicker, Tag } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useApiQuery } from '../../api/queries';
import { replaceHash, useHashLocation } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { ReportDocument } from './ReportDocument';
import { isFutureDay, readReportDate, REPORT_DATE_FORMAT, todayString } from './report-date';
import './report.css';

/**
 * 日报: the figures of one day (today by default) in the form a street office sends up each
 * evening, printed from here (a print stylesheet leaves the report alone on the page).
 */
export function ReportPage() {
  const t = useT();
  const { message } = App.useApp();
  const date = readReportDate(useHashLocation().query.get('date'));
  const isToday = date === todayString();
  const report = useApiQuery('report.daily', { date }, { refetchInterval: isToday ? 60_000 : false });

  const pick = (day: dayjs.Dayjs | null) => {
    if (!day) return;
    if (isFutureDay(day)) {
      void message.warning({ content: t('report.date.future', { date: day.format(REPORT_DATE_FORMAT) }), key: 'report-future' });
      return;
    }
    const next = day.format(REPORT_DATE_FORMAT);
    replaceHash('report', [], next === todayString() ? {} : { date: next });
  };

  return (
    <div className="gd-report-page" data-testid="page-report">
      <div className="gd-report-toolbar">
        <h1 className="gd-report-page-title">{t('report.page.title')}</h1>
        {report.data?.scope === 'grids' ? <Tag color="blue">{t('overview.scope.grids')}</Tag> : null}
        <span className="gd-report-toolbar-label">{t('report.date.label')}</span>
        <DatePicker
          value={dayjs(date, REPORT_DATE_FORMAT)}
          format={REPORT_DATE_FORMAT}
          allowClear={false}
          presets={[
            { label: t('report.date.today'), value: dayjs() },
            { label: t('report.date.yesterday'), value: dayjs().subtract(1, 'day') },
          ]}
          onChange={pick}
          data-testid="report-date"
          aria-label={t('report.date.label')}
        />
        <Button
          className="gd-report-print"
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!report.data}
          title={t('report.printHint')}
          data-testid="report-print"
        >
          {t('report.print')}
        </Button>
      </div>
      {report.isPending ? <LoadingState text={t('report.loading')} testId="report-loading" /> : null}
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} testId="report-error" /> : null}
      {report.data ? <ReportDocument report={report.data} printedAt={report.dataUpdatedAt} /> : null}
    </div>
  );
}
