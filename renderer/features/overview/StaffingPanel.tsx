import type { StaffingNow } from '../../../electron/api';
import { hashHref } from '../../app/use-hash-route';
import { useT } from '../../i18n';
import { Figure } from './Figure';
import { Panel } from './Panel';

/** The rota: on duty now against needed, and tonight's night shifts still short; each opens the 排班 page. */
export function StaffingPanel({ staffing }: { staffing: StaffingNow | null }) {
  const t = useT();
  if (!staffing) {
    return (
      <Panel title={t('overview.staffing.title')} testId="overview-staffing">
        <p className="gd-ov-empty">{t('overview.staffing.none')}</p>
      </Panel>
    );
  }
  const href = hashHref('staffing', [], {});
  return (
    <Panel title={t('overview.staffing.title')} testId="overview-staffing">
      <div className="gd-ov-figures">
        <Figure value={staffing.onDutyNow} label={t('overview.staffing.onDuty', { needed: staffing.neededNow })} href={href} tone={staffing.onDutyNow < staffing.neededNow ? 'alert' : 'default'} testId="overview-staffing-now" />
        <Figure value={staffing.signedInNow} label={t('overview.staffing.signedIn')} href={href} testId="overview-staffing-signed-in" />
        <Figure value={staffing.tonightShortShifts} label={t('overview.staffing.tonight', { missing: staffing.tonightMissing })} href={href} tone={staffing.tonightShortShifts ? 'alert' : 'default'} testId="overview-staffing-tonight" />
      </div>
    </Panel>
  );
}
