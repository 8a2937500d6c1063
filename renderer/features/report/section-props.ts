import type { DailyReport } from '../../../electron/api';

/** What every section of the report gets: the figures and the words for "as of" and the scope. */
export interface SectionProps {
  report: DailyReport;
  /** 「当日 24 时」 or 「10:30」. */
  asOf: string;
  /** 「全街道」 or 「所辖网格」. */
  scope: string;
}
