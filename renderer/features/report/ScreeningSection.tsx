import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { ReportTable } from './ReportTable';
import type { SectionProps } from './section-props';

const percent = (done: number, of: number) => (of > 0 ? `${Math.floor((done / of) * 1000) / 10}%` : '—');

/** 入户摸排情况: the rounds running at the end of the day, their progress then, the day's visits and findings. */
export function ScreeningSection({ report, asOf }: SectionProps) {
  const t = useT();
  const s = report.screening;
  if (s.rounds.length === 0) return <p data-testid="report-screening-summary">{t('report.screening.none')}</p>;
  const n = formatNumber;
  return (
    <>
      <p data-testid="report-screening-summary">
        {t('report.screening.summary', {
          asOf,
          rounds: n(s.rounds.length),
          visits: n(s.visitsToday),
          returnees: n(s.returneesToday),
          symptoms: n(s.symptomsToday),
          needs: n(s.needsToday),
        })}
      </p>
      <ReportTable
        testId="report-screening-table"
        head={[
          t('report.screening.col.round'),
          t('report.screening.col.scope'),
          t('report.screening.col.households'),
          t('report.screening.col.done'),
          t('report.screening.col.nobodyHome'),
          t('report.screening.col.rate'),
          t('report.screening.col.visits'),
        ]}
        rows={s.rounds.map((r) => ({
          key: r.id,
          cells: [
            r.name,
            r.scopeLabel,
            n(r.households),
            n(r.done),
            n(r.nobodyHome),
            percent(r.done, r.households),
            n(r.visitsToday),
          ],
        }))}
      />
    </>
  );
}
