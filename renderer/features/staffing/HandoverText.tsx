import type { HandoverNote } from '../../../electron/api';
import { useT } from '../../i18n';
import { timeOf } from './staffing-dates';

/** One handover note: the shift, what happened, what to watch, who wrote it when. */
export function HandoverText({ note }: { note: HandoverNote }) {
  const t = useT();
  return (
    <div className="gd-staff-handover-note" data-testid="staff-handover-note">
      <div className="gd-muted">
        {note.date} {note.shiftName} · {note.authorName} {timeOf(note.writtenAt)}
      </div>
      <div>
        {t('staffing.handover.happened')}：{note.happened}
      </div>
      {note.watch ? (
        <div className="gd-staff-handover-watch">
          {t('staffing.handover.watch')}：{note.watch}
        </div>
      ) : null}
    </div>
  );
}
