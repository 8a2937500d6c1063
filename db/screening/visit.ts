import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { uuidv7 } from '../sync/ids';
import { increment, insertRow, updateDerived, updateRow } from '../sync/write';
import { queueLine } from './households';
import { requireRound } from './rounds';
import { requests, residentTags, screeningRounds, screeningVisits, type VisitResult } from '../schema';
import type { ScreeningHousehold } from '../../electron/api/screening';
import { addEvent } from '../requests/history';
import { dueAtFor } from '../requests/rule';

const TITLE_MAX = 60;

export interface VisitInput {
  roundId: string;
  householdId: string;
  result: 'visited' | 'nobody_home' | 'refused';
  findings?: { returnee: boolean; symptoms: boolean; needs?: string | undefined } | undefined;
  note?: string | undefined;
}

interface VisitRow {
  id: string;
  result: VisitResult;
  attempts: number;
  building_id: string;
  grid_id: string;
  needs: string | null;
}

const COUNT_COLUMN = {
  visited: 'visitedCount',
  nobody_home: 'nobodyHomeCount',
  refused: 'refusedCount',
} as const satisfies Record<Exclude<VisitResult, 'pending'>, string>;

/** Keeps the round's result counts in step with a household's result changing from `from` to `to`. */
function moveCount(sqlite: Database.Database, roundId: string, from: VisitResult, to: Exclude<VisitResult, 'pending'>): void {
  updateDerived(sqlite, screeningRounds, roundId, { [COUNT_COLUMN[to]]: increment(1), ...(from === 'pending' ? {} : { [COUNT_COLUMN[from]]: increment(-1) }) });
}

interface Head {
  id: string;
  name: string;
  room: string;
}

function headOf(sqlite: Database.Database, householdId: string): Head | undefined {
  return sqlite
    .prepare<unknown[], Head>(
      `SELECT r.id, r.name, h.room FROM households h JOIN residents r ON r.household_id = h.id AND r.deleted = 0
        WHERE h.id = ? ORDER BY r.relation = 'head' DESC, r.id LIMIT 1`,
    )
    .get(householdId);
}

/** A need found at the door becomes a request (摸排发现) of the building, asked for by the household, 待受理. */
function addNeed(ctx: ServiceContext, visit: VisitRow, householdId: string, detail: string, now: number): void {
  const head = headOf(ctx.sqlite, householdId);
  const room = ctx.sqlite.prepare<unknown[], string>('SELECT room FROM households WHERE id = ?').pluck().get(householdId) ?? '';
  const chars = [...detail];
  const communityId = ctx.sqlite.prepare<unknown[], string>('SELECT community_id FROM buildings WHERE id = ?').pluck().get(visit.building_id)!;
  const { id } = insertRow(ctx, requests, {
    buildingId: visit.building_id, gridId: visit.grid_id, communityId, householdId, residentId: head?.id ?? null, kind: 'other', title: chars.slice(0, TITLE_MAX).join(''),
    description: chars.length > TITLE_MAX ? detail : null, source: 'screening', requester: head ? `${head.name}（${room}）` : room,
    reportedBy: ctx.actor.name, receivedAt: now, level: 'community', state: 'pending', dueAt: dueAtFor('pending', 'community', now),
  }, { id: uuidv7(now) });
  addEvent(ctx, { requestId: id, at: now, action: 'create', actor: ctx.actor.name, fromState: null, toState: 'pending', note: '入户摸排发现' });
}

/** A returnee found at the door: the head of the household joins the 返乡人员 group from today, once. */
function tagReturnee(ctx: ServiceContext, visit: VisitRow, householdId: string, roundName: string, now: number): void {
  const head = headOf(ctx.sqlite, householdId);
  if (!head) return;
  const current = ctx.sqlite
    .prepare(`SELECT 1 FROM resident_tags WHERE resident_id = ? AND tag = 'returnee' AND deleted = 0 AND (ends_on IS NULL OR ends_on > ?)`)
    .get(head.id, now);
  if (current) return;
  insertRow(ctx, residentTags, { residentId: head.id, buildingId: visit.building_id, tag: 'returnee', startsOn: now, note: `${roundName}入户发现` }, { id: uuidv7(now) });
}

/**
 * The audit entry of a visit, on the building: `screening.visit` for a household's first result,
 * `screening.visit.correct` when it replaces one recorded before. The room and the results, never
 * what was written in the needs or the note (the log keeps everything for good).
 */
function auditVisit(
  ctx: ServiceContext,
  v: { round: { id: string; name: string }; visit: VisitRow; householdId: string; result: VisitInput['result']; returnee: boolean; symptoms: boolean; needs: boolean; at: number },
): void {
  const room = ctx.sqlite.prepare<unknown[], string>('SELECT room FROM households WHERE id = ?').pluck().get(v.householdId) ?? '';
  const corrects = v.visit.result !== 'pending';
  appendAudit(ctx.sqlite, {
    actor: ctx.actor,
    action: corrects ? 'screening.visit.correct' : 'screening.visit',
    target: v.visit.building_id,
    detail: {
      round: v.round.name,
      roundId: v.round.id,
      householdId: v.householdId,
      room,
      result: v.result,
      ...(corrects ? { previous: v.visit.result } : {}),
      attempt: v.visit.attempts + 1,
      returnee: v.returnee,
      symptoms: v.symptoms,
      needs: v.needs,
    },
    at: v.at,
  });
}

/**
 * Records one visit to a household of an open round. Every visit counts as an attempt; a later
 * visit replaces the result and findings (a correction). Findings are only recorded with
 * 已走访: a need becomes a request of the building (摸排发现), a returnee tags the head of household.
 * Each visit is audited on its building.
 */
export function recordVisit(ctx: ServiceContext, input: VisitInput): ScreeningHousehold {
  authorize(ctx.actor, 'screening.visit');
  const { sqlite } = ctx;
  const returnee = input.findings?.returnee ?? false;
  const symptoms = input.findings?.symptoms ?? false;
  const needs = input.findings?.needs?.trim() || null;
  const now = Date.now();
  sqlite.transaction(() => {
    const round = requireRound(sqlite, input.roundId);
    if (round.closed_at !== null) throw new ServiceError('CONFLICT', 'round.closedNoVisits', { name: round.name }, 'roundId');
    const visit = sqlite
      .prepare<unknown[], VisitRow>('SELECT id, result, attempts, building_id, grid_id, needs FROM screening_visits WHERE round_id = ? AND household_id = ?')
      .get(round.id, input.householdId);
    if (!visit) throw new ServiceError('INVALID_INPUT', 'visit.notInRound', {}, 'householdId');
    authorize(ctx.actor, 'screening.visit', { gridId: visit.grid_id });
    if (input.result !== 'visited' && (returnee || symptoms || needs)) {
      throw new ServiceError('INVALID_INPUT', 'visit.findingsNeedVisit', {}, 'findings');
    }
    updateRow(ctx, screeningVisits, visit.id, {
      result: input.result, attempts: increment(1), visitedAt: now, visitedBy: ctx.actor.name, returnee, symptoms, needs, note: input.note?.trim() || null,
    });
    if (visit.result !== input.result) moveCount(sqlite, round.id, visit.result, input.result);
    if (needs && needs !== visit.needs) addNeed(ctx, visit, input.householdId, needs, now);
    if (returnee) tagReturnee(ctx, visit, input.householdId, round.name, now);
    auditVisit(ctx, { round, visit, householdId: input.householdId, result: input.result, returnee, symptoms, needs: needs !== null, at: now });
  })();
  ctx.emit('data.changed', { domains: ['screening', 'buildings', 'requests'] });
  return queueLine(sqlite, ctx.actor, input.roundId, input.householdId)!;
}
