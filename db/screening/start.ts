import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { JobControl } from '../jobs/types';
import { screeningRounds, screeningVisits } from '../schema';
import { uuidv7 } from '../sync/ids';
import { insertRow } from '../sync/write';
import { requireRound, roundWithCounts, toRound, type RoundRow } from './rounds';
import type { ScopeInput } from './types';
import type { RoundPreview, ScreeningRound } from '../../electron/api/screening';
import { terms } from '../../messages';


/** The scope's ids, de-duplicated; every one must be a community (or grid) that exists. */
function checkedIds(ctx: ServiceContext, scope: ScopeInput): string[] {
  if (scope.type === 'street') return [];
  const ids = [...new Set(scope.ids)];
  const table = scope.type === 'communities' ? 'communities' : 'grids';
  const found = new Set(
    ctx.sqlite.prepare<unknown[], string>(`SELECT t.id FROM json_each(?) j JOIN ${table} t ON t.id = j.value WHERE t.deleted = 0`).pluck().all(JSON.stringify(ids)),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new ServiceError('NOT_FOUND', 'round.scopeMissing', { count: missing.length, what: terms[scope.type] }, 'scope.ids');
  }
  return ids;
}

/** The SQL condition on buildings `b` of a scope (its ids bound as one JSON parameter), and that parameter. */
function scopeFilter(type: ScopeInput['type'], ids: string[]): { sql: string; params: string[] } {
  if (type === 'street') return { sql: '', params: [] };
  const column = type === 'communities' ? 'b.community_id' : 'b.grid_id';
  return { sql: `AND ${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(ids)] };
}

/** Households of the scope with their building and grid, in building order. */
function householdsInScope(ctx: ServiceContext, type: ScopeInput['type'], ids: string[]) {
  const { sql: filter, params } = scopeFilter(type, ids);
  const stmt = ctx.sqlite
    .prepare<unknown[], [string, string, string]>(
      `SELECT h.id, h.building_id, b.grid_id FROM households h JOIN buildings b ON b.id = h.building_id
        WHERE h.deleted = 0 AND b.deleted = 0 ${filter} ORDER BY h.id`,
    )
    .raw();
  return stmt.all(...params);
}

function checkNameFree(ctx: ServiceContext, name: string): void {
  const clash = ctx.sqlite.prepare('SELECT 1 FROM screening_rounds WHERE name = ? AND closed_at IS NULL AND deleted = 0').get(name);
  if (clash) throw new ServiceError('CONFLICT', 'round.nameTaken', { name }, 'name');
}

const noHouseholds = () => new ServiceError('INVALID_INPUT', 'round.noHouseholds', {}, 'scope');

/** What can be refused before any work starts: the permission, the scope, an empty scope. Returns the scope's ids. */
export function checkRoundInput(ctx: ServiceContext, input: { name?: string | undefined; scope: ScopeInput }): string[] {
  authorize(ctx.actor, 'screening.run');
  if (input.name?.trim()) checkNameFree(ctx, input.name.trim());
  const ids = checkedIds(ctx, input.scope);
  const { sql: filter, params } = scopeFilter(input.scope.type, ids);
  const any = ctx.sqlite
    .prepare(`SELECT 1 FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.deleted = 0 AND b.deleted = 0 ${filter} LIMIT 1`)
    .get(...params);
  if (!any) throw noHouseholds();
  return ids;
}

/**
 * `screening.preview`: what starting a round over a scope would take on — its households and
 * buildings — and the rounds still open, so the one who starts it confirms its size knowingly.
 * Refuses what `screening.start` refuses (permission, unknown ids, a scope without households).
 */
export function previewRound(ctx: ServiceContext, input: { scope: ScopeInput }): RoundPreview {
  const ids = checkRoundInput(ctx, input);
  const { sql: filter, params } = scopeFilter(input.scope.type, ids);
  const size = ctx.sqlite
    .prepare<unknown[], { households: number; buildings: number }>(
      `SELECT count(*) AS households, count(DISTINCT h.building_id) AS buildings
         FROM households h JOIN buildings b ON b.id = h.building_id WHERE h.deleted = 0 AND b.deleted = 0 ${filter}`,
    )
    .get(...params)!;
  const open = ctx.sqlite.prepare<unknown[], string>('SELECT id FROM screening_rounds WHERE closed_at IS NULL AND deleted = 0 ORDER BY number DESC').pluck().all();
  return { ...size, openRounds: open.map((id) => roundWithCounts(ctx, requireRound(ctx.sqlite, id))) };
}

/** Households written between two looks at the cancel flag and two progress reports. */
const CHUNK = 2000;

/**
 * Starts a round of door-to-door screening: one pending visit per household of the scope, all
 * written in one transaction with the round and its audit entry. Rounds over overlapping
 * scopes may run at the same time. Run as a job, it reports progress and a cancel rolls the
 * whole round back.
 */
export function startRound(ctx: ServiceContext, input: { name?: string | undefined; scope: ScopeInput }, job?: JobControl): ScreeningRound {
  const { sqlite } = ctx;
  const ids = checkRoundInput(ctx, input);
  const households = householdsInScope(ctx, input.scope.type, ids);
  if (households.length === 0) throw noHouseholds();
  const now = Date.now();
  const row = sqlite.transaction((): RoundRow => {
    const number = (sqlite.prepare<unknown[], number | null>('SELECT max(number) FROM screening_rounds').pluck().get() ?? 0) + 1;
    const name = input.name?.trim() || `第${number}轮入户摸排`;
    checkNameFree(ctx, name);
    const round: RoundRow = {
      id: uuidv7(now),
      hlc: ctx.clock.tick(),
      number,
      name,
      scope_type: input.scope.type,
      scope_ids: JSON.stringify(ids),
      started_at: now,
      started_by: ctx.actor.name,
      closed_at: null,
      household_count: households.length,
      visited_count: 0,
      nobody_home_count: 0,
      refused_count: 0,
    };
    insertRow(ctx, screeningRounds, {
      number, name, scopeType: input.scope.type, scopeIds: ids, startedAt: now, startedBy: ctx.actor.name, householdCount: households.length,
    }, { id: round.id, hlc: round.hlc });
    job?.progress('写入待走访住户', 0, households.length);
    for (let i = 0; i < households.length; i += CHUNK) {
      for (const [householdId, buildingId, gridId] of households.slice(i, i + CHUNK)) {
        insertRow(ctx, screeningVisits, { roundId: round.id, householdId, buildingId, gridId });
      }
      // A cancel rolls back everything written so far in this transaction.
      job?.throwIfCancelled();
      job?.progress('写入待走访住户', Math.min(i + CHUNK, households.length), households.length);
    }
    appendAudit(sqlite, {
      actor: ctx.actor,
      action: 'screening.start',
      target: round.id,
      detail: { number, name, scope: input.scope.type, ids, households: households.length },
      at: now,
    });
    return round;
  })();
  ctx.emit('data.changed', { domains: ['screening'] });
  return toRound(sqlite, row, { households: households.length, visited: 0, nobodyHome: 0, refused: 0 });
}
