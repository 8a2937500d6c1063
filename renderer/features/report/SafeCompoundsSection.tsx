import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import type { SectionProps } from './section-props';

/** 放心楼院: how many hold the designation at the end of the day, granted and revoked during it. */
export function SafeCompoundsSection({ report, asOf, scope }: SectionProps) {
  const t = useT();
  const s = report.safeCompounds;
  return (
    <p data-testid="report-safe-summary">
      {t('report.safe.summary', { asOf, scope, total: formatNumber(s.total), granted: formatNumber(s.grantedToday), revoked: formatNumber(s.revokedToday) })}
    </p>
  );
}
