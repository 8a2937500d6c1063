import type { ComponentType } from 'react';
import type { DailyReport } from '../../../electron/api';
import { useT, type MessageKey } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { BuildingsSection } from './BuildingsSection';
import { RequestsSection } from './RequestsSection';
import { SafeCompoundsSection } from './SafeCompoundsSection';
import { ScreeningSection } from './ScreeningSection';
import { longDate, sectionNumber, timeOfDay } from './report-date';
import type { SectionProps } from './section-props';

/**
 * The sections of the report, in the order they are numbered. A feature joins by adding its
 * section here once its figures exist (staffing, when the duty rota is built).
 */
const SECTIONS: readonly { key: string; title: MessageKey; Body: ComponentType<SectionProps> }[] = [
  { key: 'buildings', title: 'report.section.buildings', Body: BuildingsSection },
  { key: 'screening', title: 'report.section.screening', Body: ScreeningSection },
  { key: 'requests', title: 'report.section.requests', Body: RequestsSection },
  { key: 'safe', title: 'report.section.safe', Body: SafeCompoundsSection },
];

/** 日报 in the form a street office sends up each evening: title, date, office, numbered sections, signatures. */
export function ReportDocument({ report, printedAt }: { report: DailyReport; printedAt: number }) {
  const t = useT();
  const endOfDay = report.asOf === report.until - 1;
  const date = longDate(report.date);
  const asOf = endOfDay ? t('report.asOfWord.endOfDay') : timeOfDay(report.asOf);
  const scope = t(report.scope === 'grids' ? 'report.scope.gridsWord' : 'report.scope.streetWord');
  const { office } = report;
  return (
    <article className="gd-report-doc" data-testid="report-doc" data-date={report.date}>
      <h1 className="gd-report-title" data-testid="report-title">
        {t('report.title', { office: office.name })}
      </h1>
      <p className="gd-report-date" data-testid="report-date-line">
        {endOfDay ? t('report.asOf.endOfDay', { date }) : t('report.asOf.now', { date, time: asOf })}
      </p>
      <p className="gd-report-office" data-testid="report-office">
        {t('report.office', { office: office.name, city: office.city, district: office.district })}
      </p>
      {report.scope === 'grids' ? (
        <p className="gd-report-office" data-testid="report-scope">
          {t('report.scope.grids', { grids: report.gridNames.join(t('report.listSeparator')) })}
        </p>
      ) : null}
      {SECTIONS.map(({ key, title, Body }, i) => (
        <section key={key} className="gd-report-section" data-testid={`report-section-${key}`}>
          <h2>
            {sectionNumber(i, t.locale)}
            {t(title)}
          </h2>
          <Body report={report} asOf={asOf} scope={scope} />
        </section>
      ))}
      <footer className="gd-report-sign">
        <span data-testid="report-prepared-by">{t('report.preparedBy', { name: report.preparedBy })}</span>
        <span className="gd-report-sign-line" data-testid="report-reviewed-by">
          {t('report.reviewedBy')}
        </span>
        <span>{t('report.generatedAt', { at: formatDateTime(printedAt) })}</span>
      </footer>
    </article>
  );
}
