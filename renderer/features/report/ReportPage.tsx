import { App, Button, DatePicker, Tag } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { replaceHash, useHashLocation } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { describeError } from '../../ui/error-text';
import { useJobFinished } from '../jobs/use-jobs';
import { LoadingState } from '../../ui/LoadingState';
import { ReportDocument } from './ReportDocument';
import { isFutureDay, REPORT_DATE_FORMAT } from './report-date';
import './report.css';

/**
 * 日报: the figures of one day (today by default, as the service reckons days) in the form a street
 * office sends up each evening, printed from here (a print stylesheet leaves the report alone on the page)
 * or made into a PDF by the service (a job; the file is saved when it is done).
 */
export function ReportPage() {
  const t = useT();
  const { message } = App.useApp();
  const asked = useHashLocation().query.get('date') ?? undefined;
  const report = useApiQuery('report.daily', asked ? { date: asked } : {}, { placeholderData: keepPreviousData, refetchInterval: asked ? false : 60_000 });
  const data = report.data;
  const today = data?.today ?? dayjs().format(REPORT_DATE_FORMAT);
  const shown = dayjs(asked ?? data?.date ?? today, REPORT_DATE_FORMAT);

  const watchPdf = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    const file = job.file;
    void downloadFile(file.fileId, file.name).then(
      () => void message.success(t('report.pdf.done', { file: file.name })),
      (error: unknown) => void message.error(describeError(error, t).message),
    );
  });
  const pdf = useApiMutation('report.exportPdf', {
    onSuccess: watchPdf,
    onError: (error) => void message.error(describeError(error, t).message),
  });

  const pick = (day: dayjs.Dayjs | null) => {
    if (!day) return;
    const next = day.format(REPORT_DATE_FORMAT);
    if (isFutureDay(day, today)) {
      void message.warning({ content: t('report.date.future', { date: next }), key: 'report-future' });
      return;
    }
    replaceHash('report', [], next === today ? {} : { date: next });
  };

  return (
    <div className="gd-report-page" data-testid="page-report">
      <div className="gd-report-toolbar">
        <h1 className="gd-report-page-title">{t('report.page.title')}</h1>
        {data?.scope === 'grids' ? <Tag color="blue">{t('overview.scope.grids')}</Tag> : null}
        <span className="gd-report-toolbar-label">{t('report.date.label')}</span>
        <DatePicker
          value={shown.isValid() ? shown : null}
          format={REPORT_DATE_FORMAT}
          allowClear={false}
          presets={[
            { label: t('report.date.today'), value: dayjs(today, REPORT_DATE_FORMAT) },
            { label: t('report.date.yesterday'), value: dayjs(today, REPORT_DATE_FORMAT).subtract(1, 'day') },
          ]}
          onChange={pick}
          data-testid="report-date"
          aria-label={t('report.date.label')}
        />
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!data} title={t('report.printHint')} data-testid="report-print">
          {t('report.print')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          loading={pdf.isPending}
          disabled={!data}
          onClick={() => data && pdf.mutate({ date: data.date })}
          title={t('report.pdf.hint')}
          data-testid="report-pdf"
        >
          {pdf.isPending ? t('report.pdf.running') : t('report.pdf')}
        </Button>
      </div>
      {report.isPending ? <LoadingState text={t('report.loading')} testId="report-loading" /> : null}
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} testId="report-error" /> : null}
      {data && !report.isError ? <ReportDocument report={data} printedAt={report.dataUpdatedAt} /> : null}
    </div>
  );
}
