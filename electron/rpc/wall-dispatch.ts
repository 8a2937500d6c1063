import { authorize } from '../../db/auth/permissions';
import { displayByToken, wallActor } from '../../db/briefing/wall/displays';
import type { ServiceContext } from '../../db/context';
import { ServiceError } from '../../db/errors';
import { contract, isMethodName, WALL_METHODS, type ApiResponse } from '../api';
import type { WallReply, WallRequest } from '../host/wall';
import { refusal, toApiError, zodFailure } from './dispatch';
import { handlers, type DataMethod } from './handlers';
import type { CallEnv } from './handler-types';
import type { GridRuntime } from './runtime';

const ALLOWED: ReadonlySet<string> = new Set(WALL_METHODS);

function openDatabase(rt: GridRuntime) {
  const host = rt.vault.host;
  if (!host) throw new ServiceError('UNAUTHENTICATED', 'wall.notOpen', {});
  return host;
}

/**
 * A paired wall display's read: only the methods of `WALL_METHODS`, as the leader role (no
 * personal data), for a credential not revoked. Everything else is refused before any input is
 * read or any service runs; a mutation can never be among them.
 */
export async function wallCall(rt: GridRuntime, token: string | undefined, method: unknown, rawInput: unknown): Promise<ApiResponse<unknown>> {
  try {
    const host = openDatabase(rt);
    const display = displayByToken(host.opened.sqlite, token);
    if (!display) throw new ServiceError('UNAUTHENTICATED', 'wall.notPaired', {});
    const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
    if (!isMethodName(method) || !ALLOWED.has(method) || contract[method].mutates) {
      return { ok: false, error: refusal('FORBIDDEN', 'wall.methodRefused', { method: name }, 'method') };
    }
    const parsed = contract[method].input.safeParse(rawInput ?? {}, { reportInput: true });
    if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
    const actor = wallActor(display);
    const { permission } = contract[method];
    if (permission === 'public') throw new ServiceError('FORBIDDEN', 'wall.methodRefused', { method: name }, 'method');
    if (permission !== 'signedIn') authorize(actor, permission);
    const handler = handlers[method as DataMethod] as (ctx: ServiceContext, input: unknown, env: CallEnv) => unknown;
    return { ok: true, result: await handler(host.context(actor), parsed.data, { mode: 'browser', runtime: rt }) };
  } catch (err) {
    return { ok: false, error: toApiError(err) };
  }
}

/** Answers one request of a wall listener; never throws. */
export async function wallRequest<R extends WallRequest>(rt: GridRuntime, request: R): Promise<WallReply<R>> {
  switch (request.op) {
    case 'display': {
      const sqlite = rt.vault.host?.opened.sqlite;
      return { open: !!sqlite, display: sqlite ? displayByToken(sqlite, request.token) : null } as WallReply<R>;
    }
    case 'pair':
      try {
        return { ok: true, result: rt.wall.pair(openDatabase(rt).opened.sqlite, request.code, request.source) } as WallReply<R>;
      } catch (err) {
        return { ok: false, error: toApiError(err) } as WallReply<R>;
      }
    default:
      return (await wallCall(rt, request.token, request.method, request.input)) as WallReply<R>;
  }
}
