import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { BoardCell, BoardPerson, StaffingBoard, StaffingRule } from '../../electron/api/staffing';
import { postRows, templateOf, templatesByPost } from './posts';
import { handoverFor, notesByPost } from './handover';
import { addDays, DAY, dayOf, dayStart, shiftTimes, weekStart } from './time';

interface AssignmentRow {
  id: string;
  post_id: string;
  template_id: string;
  date: string;
  person_id: string;
  name: string;
  signed_in_at: number | null;
  signed_out_at: number | null;
  no_show: number;
  overridden: string;
  override_reason: string | null;
}

/** Assignments of shifts starting on the days [from, from + days), by `post|template|date`. */
export function assignmentsByCell(sqlite: Database.Database, from: string, days: number): Map<string, BoardPerson[]> {
  const start = dayStart(from)!;
  const end = dayStart(addDays(from, days))!;
  // The covering index reads the week in one range without visiting the rows; each cell's few people are put in id order below.
  const rows = sqlite
    .prepare<unknown[], AssignmentRow>(
      `SELECT a.id, a.post_id, a.template_id, a.date, a.person_id, pe.name, a.signed_in_at, a.signed_out_at, a.no_show, a.overridden, a.override_reason
       FROM shift_assignments a INDEXED BY shift_assignments_board_idx JOIN people pe ON pe.id = a.person_id
       WHERE a.starts_at >= ? AND a.starts_at < ? AND a.deleted = 0`,
    )
    .all(start, end);
  const out = new Map<string, BoardPerson[]>();
  for (const r of rows) {
    const key = `${r.post_id}|${r.template_id}|${r.date}`;
    const person: BoardPerson = {
      assignmentId: r.id,
      personId: r.person_id,
      name: r.name,
      signedInAt: r.signed_in_at,
      signedOutAt: r.signed_out_at,
      noShow: r.no_show === 1,
      overridden: r.overridden === '[]' ? [] : (JSON.parse(r.overridden) as StaffingRule[]),
      overrideReason: r.override_reason,
    };
    const list = out.get(key);
    if (list) list.push(person);
    else out.set(key, [person]);
  }
  for (const list of out.values()) if (list.length > 1) list.sort(byAssignmentId);
  return out;
}

const byAssignmentId = (a: BoardPerson, b: BoardPerson): number => (a.assignmentId < b.assignmentId ? -1 : a.assignmentId > b.assignmentId ? 1 : 0);

/** How many people not recorded as no-shows are on each shift starting on the days [from, from + days), by `post|template|date`. */
export function filledByCell(sqlite: Database.Database, from: string, days: number): Map<string, number> {
  const rows = sqlite
    .prepare<unknown[], { post_id: string; template_id: string; date: string }>(
      `SELECT post_id, template_id, date FROM shift_assignments INDEXED BY shift_assignments_board_idx
       WHERE starts_at >= ? AND starts_at < ? AND deleted = 0 AND no_show = 0`,
    )
    .all(dayStart(from)!, dayStart(addDays(from, days))!);
  const out = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.post_id}|${r.template_id}|${r.date}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** `shiftTimes`, remembered: the board asks the same few (day, start, length) for every post. */
export function shiftTimesMemo(): (date: string, startMinute: number, minutes: number) => { startsAt: number; endsAt: number } {
  const seen = new Map<string, { startsAt: number; endsAt: number }>();
  return (date, startMinute, minutes) => {
    const key = `${date}|${startMinute}|${minutes}`;
    let times = seen.get(key);
    if (!times) seen.set(key, (times = shiftTimes(date, startMinute, minutes)));
    return times;
  };
}

/** Filled places of a cell: people on it who were not recorded as no-shows. */
export const filledOf = (people: readonly BoardPerson[]): number => people.reduce((n, p) => n + (p.noShow ? 0 : 1), 0);

/** The board of `days` days from `from` (default today, or this week's Monday for a week, as the service reckons days): posts grouped by community, each shift with who is on it and needed vs filled. */
export function staffingBoard(ctx: ServiceContext, input: { from?: string | undefined; days: number }, now: number): StaffingBoard {
  authorize(ctx.actor, 'staffing.read');
  const { sqlite } = ctx;
  const today = dayOf(now);
  const from = input.from ?? (input.days === 7 ? weekStart(today) : today);
  if (dayStart(from) === null) throw new ServiceError('INVALID_INPUT', 'staffing.badDate', { date: from }, 'from');
  const days = Array.from({ length: input.days }, (_, i) => addDays(from, i));
  const templates = templatesByPost(sqlite);
  const cells = assignmentsByCell(sqlite, from, input.days);
  const notes = notesByPost(sqlite, dayStart(from)! - DAY, dayStart(addDays(from, input.days))!);
  const communities = new Map<string, StaffingBoard['communities'][number]>();
  const totals = { shifts: 0, needed: 0, filled: 0, gaps: 0 };
  const timesOf = shiftTimesMemo();
  for (const r of postRows(sqlite, gridScope(ctx.actor))) {
    const own = templates.get(r.id) ?? [];
    const postCells: BoardCell[] = [];
    for (const date of days) {
      for (const t of own) {
        const people = cells.get(`${r.id}|${t.id}|${date}`) ?? [];
        const filled = filledOf(people);
        totals.shifts++;
        totals.needed += r.staff_needed;
        totals.filled += Math.min(filled, r.staff_needed);
        if (filled < r.staff_needed) totals.gaps++;
        const times = timesOf(date, t.start_minute, t.minutes);
        postCells.push({ date, templateId: t.id, startsAt: times.startsAt, endsAt: times.endsAt, needed: r.staff_needed, people, ...handoverFor(notes.get(r.id), times.startsAt) });
      }
    }
    let community = communities.get(r.community_id);
    if (!community) communities.set(r.community_id, (community = { id: r.community_id, name: r.community_name, posts: [] }));
    community.posts.push({
      id: r.id,
      name: r.name,
      kind: r.kind,
      gridId: r.grid_id,
      staffNeeded: r.staff_needed,
      skills: JSON.parse(r.skills) as string[],
      templates: own.map(templateOf),
      cells: postCells,
    });
  }
  return { from, days, today, communities: [...communities.values()], totals };
}
