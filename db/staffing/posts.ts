import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { dutyPosts, shiftAssignments, shiftTemplates, type PostGeometry } from '../schema';
import { insertRow, tombstoneRow, updateRow } from '../sync/write';
import type { DutyPost, ShiftTemplate } from '../../electron/api/staffing';
import { isNight } from './time';

export interface PostRow {
  id: string;
  name: string;
  kind: string;
  community_id: string;
  community_name: string;
  compound_id: string | null;
  grid_id: string | null;
  grid_name: string | null;
  geometry: string | null;
  staff_needed: number;
  skills: string;
}

export interface TemplateRow {
  id: string;
  post_id: string;
  name: string;
  start_minute: number;
  minutes: number;
}

/** The three shifts a new post gets: 早 07–15, 中 15–23, 夜 23–07. */
export const DEFAULT_SHIFTS = [
  { name: '早班', startMinute: 7 * 60, minutes: 480 },
  { name: '中班', startMinute: 15 * 60, minutes: 480 },
  { name: '夜班', startMinute: 23 * 60, minutes: 480 },
] as const;

const POST_SQL = `SELECT p.id, p.name, p.kind, p.community_id, c.name AS community_name, p.compound_id, p.grid_id, g.name AS grid_name,
  p.geometry, p.staff_needed, p.skills
  FROM duty_posts p JOIN communities c ON c.id = p.community_id LEFT JOIN grids g ON g.id = p.grid_id
  WHERE p.deleted = 0`;

/** The live posts the actor sees (a grid worker: those of their grids), by community and name. */
export function postRows(sqlite: Database.Database, grids: readonly string[] | null): PostRow[] {
  const rows = sqlite.prepare<unknown[], PostRow>(`${POST_SQL} ORDER BY c.code, p.name, p.id`).all();
  if (!grids) return rows;
  const mine = new Set(grids);
  return rows.filter((r) => r.grid_id !== null && mine.has(r.grid_id));
}

/** Every live template, by post, in start order. */
export function templatesByPost(sqlite: Database.Database): Map<string, TemplateRow[]> {
  const rows = sqlite
    .prepare<unknown[], TemplateRow>('SELECT id, post_id, name, start_minute, minutes FROM shift_templates WHERE deleted = 0 ORDER BY start_minute, id')
    .all();
  const out = new Map<string, TemplateRow[]>();
  for (const r of rows) {
    const list = out.get(r.post_id);
    if (list) list.push(r);
    else out.set(r.post_id, [r]);
  }
  return out;
}

export const templateOf = (t: TemplateRow): ShiftTemplate => ({
  id: t.id,
  postId: t.post_id,
  name: t.name,
  startMinute: t.start_minute,
  minutes: t.minutes,
  night: isNight(t.start_minute, t.minutes),
});

export function postOf(r: PostRow, templates: TemplateRow[]): DutyPost {
  const geometry = r.geometry ? (JSON.parse(r.geometry) as PostGeometry) : null;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    communityId: r.community_id,
    communityName: r.community_name,
    compoundId: r.compound_id,
    gridId: r.grid_id,
    gridName: r.grid_name,
    point: geometry?.type === 'Point' ? geometry.coordinates : null,
    route: geometry?.type === 'LineString' ? geometry.coordinates : null,
    staffNeeded: r.staff_needed,
    skills: JSON.parse(r.skills) as string[],
    templates: templates.map(templateOf),
  };
}

export function requirePost(sqlite: Database.Database, id: string, field = 'postId'): PostRow {
  const row = sqlite.prepare<unknown[], PostRow>(`${POST_SQL} AND p.id = ?`).get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'staffing.postNotFound', {}, field);
  return row;
}

export function requireTemplate(sqlite: Database.Database, postId: string, id: string, field = 'templateId'): TemplateRow {
  const row = sqlite
    .prepare<unknown[], TemplateRow>('SELECT id, post_id, name, start_minute, minutes FROM shift_templates WHERE id = ? AND post_id = ? AND deleted = 0')
    .get(id, postId);
  if (!row) throw new ServiceError('NOT_FOUND', 'staffing.templateNotFound', {}, field);
  return row;
}

export function listPosts(ctx: ServiceContext): DutyPost[] {
  authorize(ctx.actor, 'staffing.read');
  const templates = templatesByPost(ctx.sqlite);
  return postRows(ctx.sqlite, gridScope(ctx.actor)).map((r) => postOf(r, templates.get(r.id) ?? []));
}

export interface PostInput {
  id?: string | undefined;
  name: string;
  kind: string;
  communityId?: string | undefined;
  compoundId?: string | null | undefined;
  gridId?: string | null | undefined;
  point?: [number, number] | null | undefined;
  route?: [number, number][] | null | undefined;
  staffNeeded: number;
  skills: string[];
}

function placeOf(sqlite: Database.Database, input: PostInput, existing: PostRow | null) {
  const communityId = input.communityId ?? existing?.community_id;
  if (!communityId) throw new ServiceError('INVALID_INPUT', 'staffing.communityRequired', {}, 'communityId');
  const community = sqlite.prepare<unknown[], { id: string; lat: number; lng: number }>('SELECT id, label_lat AS lat, label_lng AS lng FROM communities WHERE id = ? AND deleted = 0').get(communityId);
  if (!community) throw new ServiceError('NOT_FOUND', 'staffing.communityNotFound', {}, 'communityId');
  if (input.gridId) {
    const g = sqlite.prepare<unknown[], { community_id: string }>('SELECT community_id FROM grids WHERE id = ? AND deleted = 0').get(input.gridId);
    if (!g || g.community_id !== communityId) throw new ServiceError('INVALID_INPUT', 'staffing.gridElsewhere', {}, 'gridId');
  }
  if (input.compoundId) {
    const c = sqlite
      .prepare<unknown[], { community_id: string }>('SELECT g.community_id FROM compounds cp JOIN grids g ON g.id = cp.grid_id WHERE cp.id = ? AND cp.deleted = 0')
      .get(input.compoundId);
    if (!c || c.community_id !== communityId) throw new ServiceError('INVALID_INPUT', 'staffing.gridElsewhere', {}, 'compoundId');
  }
  // A change that names neither point nor route keeps the post where it is.
  const kept = input.point === undefined && input.route === undefined && existing?.geometry ? (JSON.parse(existing.geometry) as PostGeometry) : null;
  const geometry: PostGeometry | null = input.route ? { type: 'LineString', coordinates: input.route } : input.point ? { type: 'Point', coordinates: input.point } : kept;
  const anchor = geometry?.type === 'Point' ? geometry.coordinates : geometry?.coordinates[0];
  return { communityId, geometry, lat: anchor ? anchor[1] : community.lat, lng: anchor ? anchor[0] : community.lng };
}

/** Creates a post (with the three default shifts) or changes one; audited. */
export function savePost(ctx: ServiceContext, input: PostInput): DutyPost {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const id = sqlite.transaction(() => {
    const existing = input.id ? requirePost(sqlite, input.id, 'id') : null;
    const place = placeOf(sqlite, input, existing);
    const values = {
      name: input.name,
      kind: input.kind,
      communityId: place.communityId,
      compoundId: input.compoundId === undefined ? (existing?.compound_id ?? null) : input.compoundId,
      gridId: input.gridId === undefined ? (existing?.grid_id ?? null) : input.gridId,
      geometry: place.geometry,
      lat: place.lat,
      lng: place.lng,
      staffNeeded: input.staffNeeded,
      skills: input.skills,
    };
    let postId: string;
    if (existing) {
      updateRow(ctx, dutyPosts, existing.id, values);
      postId = existing.id;
    } else {
      postId = insertRow(ctx, dutyPosts, values).id;
      for (const s of DEFAULT_SHIFTS) insertRow(ctx, shiftTemplates, { postId, ...s });
    }
    appendAudit(sqlite, {
      actor: ctx.actor,
      action: existing ? 'staffing.post.update' : 'staffing.post.create',
      target: postId,
      detail: { name: input.name, kind: input.kind, staffNeeded: input.staffNeeded, skills: input.skills },
    });
    return postId;
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return postOf(requirePost(sqlite, id, 'id'), templatesByPost(sqlite).get(id) ?? []);
}

/**
 * Removes a post: one with assignments still to come asks first (`confirm`), then takes them off
 * too. Its past assignments stay, so what happened there remains on record.
 */
export function deletePost(ctx: ServiceContext, input: { id: string; confirm: boolean }, now: number): { id: string; futureRemoved: number } {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const removed = sqlite.transaction(() => {
    const post = requirePost(sqlite, input.id, 'id');
    const future = sqlite
      .prepare<unknown[], string>('SELECT id FROM shift_assignments WHERE post_id = ? AND deleted = 0 AND starts_at > ?')
      .pluck()
      .all(post.id, now);
    if (future.length && !input.confirm) throw new ServiceError('CONFLICT', 'staffing.futureAssignments', { name: post.name, count: future.length }, 'confirm');
    for (const a of future) tombstoneRow(ctx, shiftAssignments, a);
    tombstoneRow(ctx, dutyPosts, post.id);
    appendAudit(sqlite, { actor: ctx.actor, action: 'staffing.post.delete', target: post.id, detail: { name: post.name, futureRemoved: future.length } });
    return future.length;
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return { id: input.id, futureRemoved: removed };
}

export interface TemplateInput {
  id?: string | undefined;
  postId: string;
  name: string;
  startMinute: number;
  minutes: number;
}

/** Adds a shift to a post or changes one; assignments already made keep their times. */
export function saveTemplate(ctx: ServiceContext, input: TemplateInput): ShiftTemplate {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const id = sqlite.transaction(() => {
    requirePost(sqlite, input.postId);
    const values = { postId: input.postId, name: input.name, startMinute: input.startMinute, minutes: input.minutes };
    let templateId: string;
    if (input.id) {
      requireTemplate(sqlite, input.postId, input.id, 'id');
      updateRow(ctx, shiftTemplates, input.id, values);
      templateId = input.id;
    } else templateId = insertRow(ctx, shiftTemplates, values).id;
    appendAudit(sqlite, { actor: ctx.actor, action: 'staffing.template.save', target: input.postId, detail: { name: input.name, startMinute: input.startMinute, minutes: input.minutes } });
    return templateId;
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  const row = sqlite.prepare<unknown[], TemplateRow>('SELECT id, post_id, name, start_minute, minutes FROM shift_templates WHERE id = ?').get(id)!;
  return templateOf(row);
}

/**
 * Removes a shift of a post: one with assignments still to come asks first (`confirm`), then takes
 * them off too. Its past assignments stay, so what happened on it remains on record.
 */
export function deleteTemplate(ctx: ServiceContext, input: { id: string; confirm?: boolean | undefined }, now: number): { id: string; futureRemoved: number } {
  authorize(ctx.actor, 'staffing.edit');
  const { sqlite } = ctx;
  const removed = sqlite.transaction(() => {
    const t = sqlite.prepare<unknown[], TemplateRow>('SELECT id, post_id, name, start_minute, minutes FROM shift_templates WHERE id = ? AND deleted = 0').get(input.id);
    if (!t) throw new ServiceError('NOT_FOUND', 'staffing.templateNotFound', {}, 'id');
    const left = sqlite.prepare<unknown[], number>('SELECT count(*) FROM shift_templates WHERE post_id = ? AND deleted = 0').pluck().get(t.post_id)!;
    if (left <= 1) throw new ServiceError('CONFLICT', 'staffing.lastTemplate', {}, 'id');
    const future = sqlite.prepare<unknown[], string>('SELECT id FROM shift_assignments WHERE template_id = ? AND deleted = 0 AND starts_at > ?').pluck().all(t.id, now);
    if (future.length && !input.confirm) throw new ServiceError('CONFLICT', 'staffing.futureShiftAssignments', { name: t.name, count: future.length }, 'confirm');
    for (const a of future) tombstoneRow(ctx, shiftAssignments, a);
    tombstoneRow(ctx, shiftTemplates, t.id);
    appendAudit(sqlite, { actor: ctx.actor, action: 'staffing.template.delete', target: t.post_id, detail: { name: t.name, futureRemoved: future.length } });
    return future.length;
  })();
  ctx.emit('data.changed', { domains: ['staffing'] });
  return { id: input.id, futureRemoved: removed };
}
