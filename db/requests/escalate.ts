import { appendAudit } from '../audit/append';
import { SYSTEM_ACTOR } from '../auth/roles';
import type { ServiceContext } from '../context';
import { requests } from '../schema';
import { updateRow } from '../sync/write';
import type { RequestState } from '../../electron/api/requests';
import { addEvent } from './history';
import { limitOf } from './rule';

const NOTES = {
  respond: '超过 24 小时未受理，督办',
  resolve: '上报上级超过 3 天未办结，督办',
} as const;

interface Missed {
  id: string;
  building_id: string;
  state: RequestState;
  due_at: number;
}

/**
 * Escalates (督办) every request that has passed its limit by `now` and was not yet escalated for
 * that limit: the moment is kept on the request and in its history, and audited as the system's
 * act. Street-wide and idempotent; the queue, a request, the bell and the overview call it
 * before they read, so what they show and the history agree.
 */
export function recordEscalations(ctx: ServiceContext, now: number): number {
  const find = ctx.sqlite.prepare<unknown[], Missed>(
    `SELECT id, building_id, state, due_at FROM requests
      WHERE due_at < ? AND deleted = 0 AND (escalated_at IS NULL OR escalated_at < due_at)`,
  );
  const any = ctx.sqlite.prepare('SELECT 1 FROM requests WHERE due_at < ? AND deleted = 0 AND (escalated_at IS NULL OR escalated_at < due_at) LIMIT 1');
  if (!any.get(now)) return 0;
  return ctx.sqlite.transaction(() => {
    const missed = find.all(now);
    for (const m of missed) {
      const limit = limitOf(m.state);
      updateRow(ctx, requests, m.id, { escalatedAt: m.due_at });
      addEvent(ctx, { requestId: m.id, at: m.due_at, action: 'escalate', actor: SYSTEM_ACTOR.name, fromState: m.state, toState: m.state, note: NOTES[limit] });
      appendAudit(ctx.sqlite, { actor: SYSTEM_ACTOR, action: 'requests.escalate', target: m.building_id, detail: { requestId: m.id, limit, dueAt: m.due_at }, at: now });
    }
    return missed.length;
  }).immediate();
}
