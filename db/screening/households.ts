import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { Actor } from '../auth/roles';
import { MASKED_ROOM, maskName, seesPeople } from '../personal-data';
import type { VisitResult } from '../schema';
import { requireRound } from './rounds';
import { buildingGridOf } from '../buildings/scope';
import type { ScreeningHousehold } from '../../electron/api/screening';

export interface QueueInput {
  roundId: string;
  gridId?: string | undefined;
  buildingId?: string | undefined;
  results?: VisitResult[] | undefined;
  page: number;
  pageSize: number;
}

interface Row {
  household_id: string;
  building_id: string;
  address: string;
  room: string;
  head_name: string | null;
  members: number;
  result: VisitResult;
  attempts: number;
  visited_at: number | null;
  visited_by: string | null;
  returnee: number;
  symptoms: number;
  needs: string | null;
  note: string | null;
}

/** Head = the resident recorded as 户主, else the first by id; members = residents living there. */
const DETAILS = `
  SELECT p.household_id, p.building_id, p.address, p.room,
    (SELECT r.name FROM residents r WHERE r.household_id = p.household_id AND r.deleted = 0
      ORDER BY r.relation = 'head' DESC, r.id LIMIT 1) AS head_name,
    (SELECT count(*) FROM residents r WHERE r.household_id = p.household_id AND r.deleted = 0) AS members,
    p.result, p.attempts, p.visited_at, p.visited_by, p.returnee, p.symptoms, p.needs, p.note`;

const PAGE_COLUMNS = `v.household_id, v.building_id, b.address, u.number AS unit_number, h.room, v.result, v.attempts, v.visited_at, v.visited_by,
  v.returnee, v.symptoms, v.needs, v.note`;

const FROM = `FROM screening_visits v JOIN households h ON h.id = v.household_id JOIN buildings b ON b.id = v.building_id
  LEFT JOIN units u ON u.id = h.unit_id`;

/** One line of the queue; names and the room are masked for whoever may not see people. */
function toHousehold(r: Row, actor: Actor): ScreeningHousehold {
  const people = seesPeople(actor);
  const headName = r.head_name ?? '（未登记户主）';
  return {
    householdId: r.household_id,
    buildingId: r.building_id,
    address: r.address,
    room: people ? r.room : MASKED_ROOM,
    headName: people || r.head_name === null ? headName : maskName(headName),
    members: r.members,
    result: r.result,
    attempts: r.attempts,
    visitedAt: r.visited_at,
    visitedBy: r.visited_by && (people ? r.visited_by : maskName(r.visited_by)),
    returnee: r.returnee === 1,
    symptoms: r.symptoms === 1,
    needs: r.needs,
    note: r.note,
  };
}

/** One household's line in a round's queue, or undefined when it is not in the round. */
export function queueLine(sqlite: Database.Database, actor: Actor, roundId: string, householdId: string): ScreeningHousehold | undefined {
  const row = sqlite
    .prepare<unknown[], Row>(`${DETAILS} FROM (SELECT ${PAGE_COLUMNS} ${FROM} WHERE v.round_id = ? AND v.household_id = ?) p`)
    .get(roundId, householdId);
  return row && toHousehold(row, actor);
}

/**
 * Which buildings hold rows [offset, offset + limit) of the street-wide queue, counted per
 * building over the covering (round, building, result) index and ordered by address. Buildings
 * sharing an address are taken together, since their rooms interleave.
 */
function streetWindow(sqlite: Database.Database, params: Record<string, unknown>, resultFilter: string) {
  const counts = sqlite
    .prepare<unknown[], [string, number, string]>(
      `WITH c AS (SELECT building_id, count(*) AS n FROM screening_visits INDEXED BY screening_visits_building_idx
         WHERE round_id = @round ${resultFilter} GROUP BY building_id)
       SELECT c.building_id, c.n, b.address FROM c JOIN buildings b ON b.id = c.building_id ORDER BY b.address, b.id`,
    )
    .raw()
    .all(params);
  const offset = params.offset as number;
  const end = offset + (params.limit as number);
  const buildings: string[] = [];
  let total = 0;
  let windowStart = -1;
  for (let i = 0; i < counts.length; ) {
    const address = counts[i]![2];
    const groupStart = total;
    const group: string[] = [];
    for (; i < counts.length && counts[i]![2] === address; i++) {
      group.push(counts[i]![0]);
      total += counts[i]![1];
    }
    if (total > offset && groupStart < end) {
      if (windowStart < 0) windowStart = groupStart;
      buildings.push(...group);
    }
  }
  return { total, buildings, offset: windowStart < 0 ? 0 : offset - windowStart };
}

/**
 * A page of a round's households to visit or revisit, by building address, unit and room.
 * A grid worker sees the households of their grids only, and asking for another grid or a
 * building in one is refused.
 */
export function screeningQueue(ctx: ServiceContext, input: QueueInput): { rows: ScreeningHousehold[]; total: number } {
  authorize(ctx.actor, 'buildings.read', input.gridId ? { gridId: input.gridId } : undefined);
  if (input.buildingId) authorize(ctx.actor, 'buildings.read', { gridId: buildingGridOf(ctx, input.buildingId, 'buildingId') });
  const { sqlite } = ctx;
  requireRound(sqlite, input.roundId);
  const where = ['v.round_id = @round'];
  const params: Record<string, unknown> = { round: input.roundId };
  const scope = gridScope(ctx.actor);
  if (scope) {
    where.push('v.grid_id IN (SELECT value FROM json_each(@scope))');
    params.scope = JSON.stringify(scope);
  }
  if (input.gridId) {
    where.push('v.grid_id = @grid');
    params.grid = input.gridId;
  }
  if (input.buildingId) {
    where.push('v.building_id = @building');
    params.building = input.buildingId;
  }
  if (input.results && input.results.length > 0) {
    where.push('v.result IN (SELECT value FROM json_each(@results))');
    params.results = JSON.stringify([...new Set(input.results)]);
  }
  params.limit = input.pageSize;
  params.offset = (input.page - 1) * input.pageSize;
  let total: number;
  if (!scope && !input.gridId && !input.buildingId) {
    // The whole street: find the buildings the page falls in, then sort only their households.
    const window = streetWindow(sqlite, params, input.results?.length ? 'AND result IN (SELECT value FROM json_each(@results))' : '');
    total = window.total;
    where.push('v.building_id IN (SELECT value FROM json_each(@window))');
    params.window = JSON.stringify(window.buildings);
    params.offset = window.offset;
  } else {
    total = sqlite.prepare<unknown[], number>(`SELECT count(*) FROM screening_visits v WHERE ${where.join(' AND ')}`).pluck().get(params)!;
  }
  const filter = where.join(' AND ');
  const rows = sqlite
    .prepare<unknown[], Row>(
      `${DETAILS} FROM (SELECT ${PAGE_COLUMNS} ${FROM} WHERE ${filter}
         ORDER BY b.address, u.number, h.room, v.household_id LIMIT @limit OFFSET @offset) p
       ORDER BY p.address, p.unit_number, p.room, p.household_id`,
    )
    .all(params);
  return { rows: rows.map((r) => toHousehold(r, ctx.actor)), total };
}
