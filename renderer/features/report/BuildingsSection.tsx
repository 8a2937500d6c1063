import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { useStatusStyles } from '../statuses/use-status-styles';
import { ReportTable } from './ReportTable';
import { timeOfDay } from './report-date';
import type { SectionProps } from './section-props';

/** 楼栋管控情况: buildings per status at the end of the day, the day's changes. */
export function BuildingsSection({ report, asOf, scope }: SectionProps) {
  const t = useT();
  const look = useStatusStyles().look;
  const { total, byStatus, changes } = report.buildings;
  const changedTo = new Map(changes.byStatus.map((c) => [c.status, c.buildings]));
  const list = byStatus.map((s) => t('report.buildings.item', { status: look(s.status).label, n: formatNumber(s.buildings) })).join(t('report.listSeparator'));
  return (
    <>
      <p data-testid="report-buildings-summary">
        {t('report.buildings.summary', { asOf, scope, total: formatNumber(total), list })}
        {changes.buildings > 0 ? t('report.buildings.changed', { n: formatNumber(changes.buildings) }) : t('report.buildings.unchanged')}
      </p>
      <ReportTable
        testId="report-buildings-table"
        head={[t('report.buildings.col.status'), t('report.buildings.col.count'), t('report.buildings.col.changedTo')]}
        rows={byStatus.map((s) => ({
          key: s.status,
          cells: [look(s.status).label, formatNumber(s.buildings), formatNumber(changedTo.get(s.status) ?? 0)],
        }))}
      />
      {changes.latest.length > 0 ? (
        <>
          <h4 className="gd-report-subhead">{t('report.buildings.latest')}</h4>
          <ReportTable
            testId="report-changes-table"
            head={[t('report.buildings.col.address'), t('report.buildings.col.change'), t('report.buildings.col.at'), t('report.buildings.col.by')]}
            rows={changes.latest.map((c) => ({
              key: `${c.buildingId}-${c.changedAt}-${c.status}`,
              cells: [
                c.address,
                `${c.previousStatus ? look(c.previousStatus).label : '—'} → ${look(c.status).label}`,
                timeOfDay(c.changedAt),
                c.changedBy,
              ],
            }))}
          />
        </>
      ) : null}
    </>
  );
}
