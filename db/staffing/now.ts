import type Database from 'better-sqlite3-multiple-ciphers';
import type { StaffingNow } from '../../electron/api/staffing';
import { assignmentsByCell, filledOf } from './board';
import { postRows, templatesByPost } from './posts';
import { addDays, dayOf, isNight, shiftTimes } from './time';

/**
 * The figures the overview shows of the rota: on duty now against needed (shifts under way), and
 * tonight's night shifts still short — in the posts a caller sees (`grids`: a grid worker's).
 */
export function staffingNow(sqlite: Database.Database, grids: readonly string[] | null, now: number): StaffingNow {
  const today = dayOf(now);
  const yesterday = addDays(today, -1);
  const cells = assignmentsByCell(sqlite, yesterday, 2);
  const templates = templatesByPost(sqlite);
  const out: StaffingNow = { neededNow: 0, onDutyNow: 0, signedInNow: 0, tonightShortShifts: 0, tonightMissing: 0 };
  for (const p of postRows(sqlite, grids)) {
    for (const t of templates.get(p.id) ?? []) {
      for (const date of [yesterday, today]) {
        const { startsAt, endsAt } = shiftTimes(date, t.start_minute, t.minutes);
        const people = cells.get(`${p.id}|${t.id}|${date}`) ?? [];
        const filled = filledOf(people);
        if (startsAt <= now && now < endsAt) {
          out.neededNow += p.staff_needed;
          out.onDutyNow += filled;
          out.signedInNow += people.filter((x) => x.signedInAt !== null && x.signedOutAt === null).length;
        }
        if (date === today && isNight(t.start_minute, t.minutes) && endsAt > now && filled < p.staff_needed) {
          out.tonightShortShifts++;
          out.tonightMissing += p.staff_needed - filled;
        }
      }
    }
  }
  return out;
}
