import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ReportTable } from './ReportTable';
import type { SectionProps } from './section-props';

/** 群众求助和事件处置情况: received and resolved during the day, open and overdue at its end. */
export function RequestsSection({ report, asOf }: SectionProps) {
  const t = useT();
  const { needs, incidents, overdueAfterHours: hours } = report.requests;
  const n = formatNumber;
  return (
    <>
      <p data-testid="report-requests-summary">
        {t('report.requests.summary', {
          needsIn: n(needs.received),
          needsDone: n(needs.resolved),
          incidentsIn: n(incidents.received),
          incidentsDone: n(incidents.resolved),
          asOf,
          needsOpen: n(needs.open),
          incidentsOpen: n(incidents.open),
          hours,
          overdue: n(needs.overdue + incidents.overdue),
        })}
      </p>
      <ReportTable
        testId="report-requests-table"
        head={[
          t('report.requests.col.kind'),
          t('report.requests.col.received'),
          t('report.requests.col.resolved'),
          t('report.requests.col.open'),
          t('report.requests.col.overdue', { hours }),
        ]}
        rows={[
          { key: 'needs', label: t('report.requests.needs'), c: needs },
          { key: 'incidents', label: t('report.requests.incidents'), c: incidents },
        ].map(({ key, label, c }) => ({ key, cells: [label, n(c.received), n(c.resolved), n(c.open), n(c.overdue)] }))}
      />
    </>
  );
}
