import { RESOLVE_WITHIN_MS, RESPOND_WITHIN_MS, type RequestLevel, type RequestState } from '../../messages/requests';

/**
 * The limit a request is held to in its state and level — the seeds' rule: the street responds
 * (受理) within 24 hours of receiving it; what goes up (上报上级) is resolved within 3 days of
 * receiving it. Null when no limit applies (handled at the spot, community or street level, or done).
 */
export function dueAtFor(state: RequestState, level: RequestLevel, receivedAt: number): number | null {
  if (state === 'pending') return receivedAt + RESPOND_WITHIN_MS;
  if (state === 'handling' && level === 'higher') return receivedAt + RESOLVE_WITHIN_MS;
  return null;
}

/** Past its limit at `now`; exactly at the limit is still in time. */
export function isOverdue(dueAt: number | null, now: number): boolean {
  return dueAt !== null && now > dueAt;
}

/** Which limit `dueAt` is, for the words of an escalation. */
export function limitOf(state: RequestState): 'respond' | 'resolve' {
  return state === 'pending' ? 'respond' : 'resolve';
}
