import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { StaffingGap } from '../../electron/api/staffing';
import { filledByCell, shiftTimesMemo } from './board';
import { postRows, templatesByPost } from './posts';
import { addDays, dayOf, HOUR, isNight } from './time';

/** Shifts short of staff that end after now and start within `hours`: night shifts first, then by start. */
export function staffingGaps(ctx: ServiceContext, input: { hours: number }, now: number): StaffingGap[] {
  authorize(ctx.actor, 'staffing.read');
  const { sqlite } = ctx;
  const horizon = now + input.hours * HOUR;
  const from = addDays(dayOf(now), -1);
  const span = Math.ceil(input.hours / 24) + 2;
  const filledIn = filledByCell(sqlite, from, span);
  const templates = templatesByPost(sqlite);
  const dates = Array.from({ length: span }, (_, i) => addDays(from, i));
  const timesOf = shiftTimesMemo();
  const out: StaffingGap[] = [];
  for (const p of postRows(sqlite, gridScope(ctx.actor))) {
    for (const t of templates.get(p.id) ?? []) {
      const night = isNight(t.start_minute, t.minutes);
      for (const date of dates) {
        const { startsAt, endsAt } = timesOf(date, t.start_minute, t.minutes);
        if (endsAt <= now || startsAt >= horizon) continue;
        const filled = filledIn.get(`${p.id}|${t.id}|${date}`) ?? 0;
        if (filled >= p.staff_needed) continue;
        out.push({
          postId: p.id,
          postName: p.name,
          communityName: p.community_name,
          templateId: t.id,
          shiftName: t.name,
          date,
          startsAt,
          endsAt,
          startMinute: t.start_minute,
          minutes: t.minutes,
          night,
          needed: p.staff_needed,
          filled,
        });
      }
    }
  }
  return out.sort((a, b) => Number(b.night) - Number(a.night) || a.startsAt - b.startsAt || a.communityName.localeCompare(b.communityName, 'zh-CN') || a.postName.localeCompare(b.postName, 'zh-CN'));
}
