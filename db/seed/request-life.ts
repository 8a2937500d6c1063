/**
 * A demo request's life up to the demo's "now": received, then perhaps accepted (now and then
 * after the 24-hour limit), resolved and revisited; a few sent up (上报上级), some of those past the
 * 3-day limit. Every missed limit is escalated (督办) in the history, as the services do.
 */
import type { Random } from '../../maps/random';
import { RESOLVE_WITHIN_MS, RESPOND_WITHIN_MS, type RequestKind, type RequestLevel, type RequestSource, type RequestState, type Satisfaction } from '../../messages/requests';
import type { SeedWriter } from './writer';

const HOUR = 3_600_000;
const LEVELS: RequestLevel[] = ['spot', 'community', 'street', 'higher'];
const SATISFACTION: Satisfaction[] = ['satisfied', 'basic', 'unsatisfied'];

export interface SeedRequest {
  buildingId: string;
  gridId: string;
  communityId: string;
  householdId: string | null;
  kind: RequestKind;
  title: string;
  description: string | null;
  source: RequestSource;
  requester: string | null;
  reportedBy: string;
  receivedAt: number;
  handler: string;
  resolution: string;
}

export function writeRequestLife(writer: SeedWriter, rng: Random, now: number, r: SeedRequest): RequestState {
  const level = rng.weighted(LEVELS, [0.25, 0.45, 0.18, 0.12]);
  const events: [number, string, string, RequestState | null, RequestState, string | null][] = [[r.receivedAt, 'create', r.reportedBy, null, 'pending', null]];
  let state: RequestState = 'pending';
  let acceptedAt: number | null = null;
  let resolvedAt: number | null = null;
  let revisitedAt: number | null = null;
  let satisfaction: Satisfaction | null = null;
  let escalatedAt: number | null = null;
  const respondBy = r.receivedAt + RESPOND_WITHIN_MS;
  const resolveBy = r.receivedAt + RESOLVE_WITHIN_MS;
  const escalate = (at: number, state: RequestState, note: string) => {
    escalatedAt = at;
    events.push([at, 'escalate', '系统', state, state, note]);
  };

  if (!rng.chance(0.12)) {
    // Most are accepted within hours; about one in ten only after the 24-hour limit.
    const at = r.receivedAt + (rng.chance(0.1) ? rng.int(25, 40) : rng.int(1, 20)) * HOUR + rng.int(0, 59) * 60_000;
    if (at < now) {
      if (at > respondBy) escalate(respondBy, 'pending', '超过 24 小时未受理，督办');
      acceptedAt = at;
      state = 'handling';
      events.push([at, 'accept', r.handler, 'pending', 'handling', `负责：${r.handler}`]);
      const resolveAt = at + rng.int(2, level === 'higher' ? 100 : 48) * HOUR;
      if (resolveAt < now && rng.chance(0.8)) {
        if (level === 'higher' && resolveAt > resolveBy) escalate(resolveBy, 'handling', '上报上级超过 3 天未办结，督办');
        resolvedAt = resolveAt;
        state = 'resolved';
        events.push([resolveAt, 'resolve', r.handler, 'handling', 'resolved', r.resolution]);
        const revisitAt = resolveAt + rng.int(2, 24) * HOUR;
        if (revisitAt < now && rng.chance(0.6)) {
          revisitedAt = revisitAt;
          satisfaction = rng.weighted(SATISFACTION, [0.7, 0.22, 0.08]);
          state = 'revisited';
          events.push([revisitAt, 'revisit', r.reportedBy, 'resolved', 'revisited', null]);
        }
      } else if (level === 'higher' && now > resolveBy) {
        escalate(resolveBy, 'handling', '上报上级超过 3 天未办结，督办');
      }
    }
  }
  if (state === 'pending' && now > respondBy) escalate(respondBy, 'pending', '超过 24 小时未受理，督办');
  const dueAt = state === 'pending' ? respondBy : state === 'handling' && level === 'higher' ? resolveBy : null;
  const id = writer.insert('requests', [
    r.buildingId, r.gridId, r.communityId, r.householdId, null, r.kind, r.title, r.description, r.source, r.requester, r.reportedBy, r.receivedAt, level,
    acceptedAt === null ? null : r.handler, state, dueAt, acceptedAt, acceptedAt === null ? null : r.handler,
    resolvedAt, resolvedAt === null ? null : r.handler, resolvedAt === null ? null : r.resolution,
    revisitedAt, satisfaction, null, escalatedAt,
  ]);
  for (const [at, action, actor, from, to, note] of events.sort((a, b) => a[0] - b[0])) writer.insert('request_events', [id, at, action, actor, from, to, note]);
  return state;
}
