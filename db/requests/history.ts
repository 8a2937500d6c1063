import type { ServiceContext } from '../context';
import { requestEvents } from '../schema';
import { insertRow } from '../sync/write';
import type { RequestAction, RequestState } from '../../electron/api/requests';

/** One line of a request's history, written in the caller's transaction. */
export function addEvent(
  ctx: ServiceContext,
  e: { requestId: string; at: number; action: RequestAction; actor: string; fromState: RequestState | null; toState: RequestState; note?: string | null },
): void {
  insertRow(ctx, requestEvents, { requestId: e.requestId, at: e.at, action: e.action, actor: e.actor, fromState: e.fromState, toState: e.toState, note: e.note ?? null });
}
