import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { shiftHandovers } from '../schema';
import { insertRow } from '../sync/write';
import type { HandoverNote, PostLog } from '../../electron/api/staffing';
import { resolveSlot, type Slot } from './assign';
import { requirePost } from './posts';
import { DAY } from './time';

interface NoteRow {
  id: string;
  post_id: string;
  template_id: string;
  shift_name: string;
  date: string;
  shift_starts_at: number;
  happened: string;
  watch: string;
  author_name: string;
  written_at: number;
}

const NOTE_SQL = `SELECT h.id, h.post_id, h.template_id, t.name AS shift_name, h.date, h.shift_starts_at, h.happened, h.watch, h.author_name, h.written_at
  FROM shift_handovers h JOIN shift_templates t ON t.id = h.template_id WHERE h.deleted = 0`;

const noteOf = (r: NoteRow): HandoverNote => ({
  id: r.id,
  postId: r.post_id,
  templateId: r.template_id,
  shiftName: r.shift_name,
  date: r.date,
  shiftStartsAt: r.shift_starts_at,
  happened: r.happened,
  watch: r.watch,
  authorName: r.author_name,
  writtenAt: r.written_at,
});

/** The notes of shifts starting in [from, to), by post, oldest shift (then oldest note) first. */
export function notesByPost(sqlite: Database.Database, from: number, to: number): Map<string, HandoverNote[]> {
  const rows = sqlite
    .prepare<unknown[], NoteRow>(`${NOTE_SQL} AND h.shift_starts_at >= ? AND h.shift_starts_at < ? ORDER BY h.shift_starts_at, h.written_at, h.id`)
    .all(from, to);
  const out = new Map<string, HandoverNote[]>();
  for (const r of rows) {
    const list = out.get(r.post_id);
    if (list) list.push(noteOf(r));
    else out.set(r.post_id, [noteOf(r)]);
  }
  return out;
}

/** What a shift starting at `startsAt` is handed: the latest note of a shift begun in the 24 h before it; and how many notes it left itself. */
export function handoverFor(notes: readonly HandoverNote[] | undefined, startsAt: number): { handoverIn: HandoverNote | null; handoversOut: number } {
  let handoverIn: HandoverNote | null = null;
  let handoversOut = 0;
  for (const n of notes ?? []) {
    if (n.shiftStartsAt === startsAt) handoversOut++;
    else if (n.shiftStartsAt < startsAt && n.shiftStartsAt >= startsAt - DAY) handoverIn = n;
  }
  return { handoverIn, handoversOut };
}

/** Writes a handover note on a shift that has begun; the duty officer anywhere, a grid worker on the posts of their grids. Audited. */
export function writeHandover(ctx: ServiceContext, input: Slot & { happened: string; watch: string }, now: number): HandoverNote {
  authorize(ctx.actor, 'staffing.attend');
  const { sqlite } = ctx;
  const note = sqlite.transaction(() => {
    const s = resolveSlot(sqlite, input);
    authorize(ctx.actor, 'staffing.attend', { gridId: s.post.grid_id ?? '' });
    if (s.startsAt > now) throw new ServiceError('INVALID_INPUT', 'staffing.handoverTooEarly', { date: s.date, shift: s.template.name }, 'date');
    const { id } = insertRow(ctx, shiftHandovers, {
      postId: s.post.id,
      templateId: s.template.id,
      date: s.date,
      shiftStartsAt: s.startsAt,
      happened: input.happened,
      watch: input.watch,
      writtenBy: ctx.actor.id,
      authorName: ctx.actor.name,
      writtenAt: now,
    });
    appendAudit(sqlite, {
      actor: ctx.actor,
      action: 'staffing.handover.write',
      target: id,
      detail: { post: s.post.name, date: s.date, shift: s.template.name, happened: input.happened, watch: input.watch },
    });
    return noteOf(sqlite.prepare<unknown[], NoteRow>(`${NOTE_SQL} AND h.id = ?`).get(id)!);
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return note;
}

/** A post's position log (交接班记录): its notes, newest shift first. */
export function postLog(ctx: ServiceContext, input: { postId: string; limit: number }): PostLog {
  authorize(ctx.actor, 'staffing.read');
  const post = requirePost(ctx.sqlite, input.postId);
  authorize(ctx.actor, 'staffing.read', { gridId: post.grid_id ?? '' });
  const rows = ctx.sqlite
    .prepare<unknown[], NoteRow>(`${NOTE_SQL} AND h.post_id = ? ORDER BY h.shift_starts_at DESC, h.written_at DESC, h.id DESC LIMIT ?`)
    .all(post.id, input.limit);
  return { post: { id: post.id, name: post.name, communityName: post.community_name, gridName: post.grid_name }, notes: rows.map(noteOf) };
}
