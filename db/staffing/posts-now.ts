import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { PostGeometry } from '../schema';
import type { PostOnMap } from '../../electron/api/staffing';
import { assignmentsByCell, filledOf } from './board';
import { postRows, templatesByPost } from './posts';
import { addDays, dayOf, shiftTimes } from './time';

/** The posts with a place on the map, each with the shift under way now and whether it is covered. */
export function postsNow(ctx: ServiceContext, now: number): PostOnMap[] {
  authorize(ctx.actor, 'staffing.read');
  const { sqlite } = ctx;
  const today = dayOf(now);
  const yesterday = addDays(today, -1);
  const cells = assignmentsByCell(sqlite, yesterday, 2);
  const templates = templatesByPost(sqlite);
  const out: PostOnMap[] = [];
  for (const p of postRows(sqlite, gridScope(ctx.actor))) {
    if (!p.geometry) continue;
    const geometry = JSON.parse(p.geometry) as PostGeometry;
    let shift: PostOnMap['shift'] = null;
    for (const date of [yesterday, today]) {
      for (const t of templates.get(p.id) ?? []) {
        const { startsAt, endsAt } = shiftTimes(date, t.start_minute, t.minutes);
        if (shift || startsAt > now || now >= endsAt) continue;
        const people = cells.get(`${p.id}|${t.id}|${date}`) ?? [];
        shift = {
          name: t.name,
          startsAt,
          endsAt,
          needed: p.staff_needed,
          filled: filledOf(people),
          signedIn: people.filter((x) => x.signedInAt !== null && x.signedOutAt === null).length,
        };
      }
    }
    out.push({
      id: p.id,
      name: p.name,
      kind: p.kind,
      communityName: p.community_name,
      point: geometry.type === 'Point' ? geometry.coordinates : null,
      route: geometry.type === 'LineString' ? geometry.coordinates : null,
      state: !shift ? 'off' : shift.filled >= shift.needed ? 'covered' : 'short',
      shift,
    });
  }
  return out;
}
