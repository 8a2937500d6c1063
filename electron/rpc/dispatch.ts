import { z } from 'zod';
import { DatabaseOpenError, isDamageCode, ServiceError } from '../../db/errors';
import { formatError, type ErrorRef } from '../../messages';
import { accountById, actorOf } from '../../db/auth/accounts';
import { authorize } from '../../db/auth/permissions';
import type { Session } from '../../db/auth/sessions';
import type { ServiceContext } from '../../db/context';
import { contract, isMethodName, requestIdSchema, type ApiError, type ApiResponse, type MethodName } from '../api';
import { runOnce } from '../../db/idempotency/request-log';
import { handlers, type DataMethod, type HandlerEnv } from './handlers';
import type { CallEnv } from './handler-types';
import type { GridRuntime } from './runtime';
import { SESSION_METHODS, sessionHandlers, type SessionMethod } from './session-handlers';

// The contract's schemas validate here: zod's own messages in Chinese, like the rest.
z.config(z.locales.zhCN());
const englishIssue = z.locales.en().localeError;

/** An API error from a message id and its parameters: the Chinese text, and the id for the UI's language. */
export function refusal(code: ApiError['code'], ...[key, params, field]: [...ErrorRef, field?: string]): ApiError {
  return { code, message: formatError(key, params, 'zh-CN'), key, params, ...(field ? { field } : {}) };
}

/** The first issue, naming its field: the schema's (or zod's Chinese) message, and zod's English one. */
export function zodFailure(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const english = issue ? englishIssue(issue as Parameters<typeof englishIssue>[0]) : undefined;
  const detail = {
    'zh-CN': issue?.message ?? '格式不对',
    en: (typeof english === 'string' ? english : english?.message) ?? 'wrong format',
  };
  return field ? refusal('INVALID_INPUT', 'input.invalidField', { field, detail }, field) : refusal('INVALID_INPUT', 'input.invalid', { detail });
}

/** Turns anything a service threw into an error the caller can show; never leaks a stack. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ServiceError) return { ...err.refusal(), ...(err.field ? { field: err.field } : {}) };
  if (err instanceof DatabaseOpenError) return refusal('DATABASE', 'database.cannotOpen', { detail: err.message });
  const sqliteCode = (err as { code?: unknown } | null)?.code;
  if (isDamageCode(sqliteCode)) return refusal('DATABASE', 'database.damaged', { sqliteCode });
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_')) return refusal('DATABASE', 'database.failed', { sqliteCode });
  return refusal('INTERNAL', 'internal', {});
}

/**
 * The one entry point both transports (Electron IPC and browser-mode HTTP) call: checks the
 * method exists, validates the input against the contract's schema, checks what the method
 * declares it needs (`public`: nothing; `signedIn`: a signed-in, unlocked, active account; a
 * permission: such an account holding it), then runs the service. A change sent with a request id
 * (`env.requestId`) runs at most once: see `runOnce`.
 */
export async function dispatch(
  rt: GridRuntime,
  sessionId: string | undefined,
  env: HandlerEnv,
  method: unknown,
  rawInput: unknown,
): Promise<ApiResponse<unknown>> {
  if (!isMethodName(method)) {
    const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
    return { ok: false, error: refusal('UNKNOWN_METHOD', 'method.unknown', { name }, 'method') };
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const requestId = env.requestId;
  if (requestId !== undefined && !requestIdSchema.safeParse(requestId).success) {
    return { ok: false, error: refusal('INVALID_INPUT', 'request.idInvalid', {}, 'requestId') };
  }
  const session = rt.sessions.get(sessionId);
  if (!session) return { ok: false, error: refusal('UNAUTHENTICATED', 'session.missing', {}) };
  const sessionMethod = (SESSION_METHODS as readonly string[]).includes(method);
  try {
    const { permission } = contract[method];
    if (permission === 'public') {
      const handler = sessionHandlers[method as SessionMethod] as (rt: GridRuntime, s: Session, input: unknown) => unknown;
      // Only a status poll must not keep an idle session alive.
      if (session.actor && !session.locked && method !== 'auth.status') rt.sessions.touch(session);
      return { ok: true, result: await handler(rt, session, parsed.data) };
    }
    const host = rt.vault.host;
    if (!session.actor || !host) return { ok: false, error: refusal('UNAUTHENTICATED', 'session.signInFirst', {}) };
    if (session.locked) return { ok: false, error: refusal('UNAUTHENTICATED', 'session.locked', {}) };
    // The account may have changed since sign-in (role, grids, disabled): act as it is now.
    const account = accountById(host.opened.sqlite, session.accountId!);
    if (!account || account.disabled) {
      rt.sessions.signOut(session);
      return { ok: false, error: refusal('UNAUTHENTICATED', 'session.accountGone', {}) };
    }
    rt.sessions.touch(session);
    const actor = actorOf(account);
    if (permission !== 'signedIn') authorize(actor, permission);
    const run = sessionMethod
      ? () => (sessionHandlers[method as SessionMethod] as (rt: GridRuntime, s: Session, input: unknown) => unknown)(rt, session, parsed.data)
      : () => (handlers[method as DataMethod] as (ctx: ServiceContext, input: unknown, env: CallEnv) => unknown)(host.context(actor), parsed.data, { ...env, runtime: rt });
    if (!contract[method].mutates || typeof requestId !== 'string') return { ok: true, result: await run() };
    // A change sent with a request id is made once: a retry gets the first result back.
    const spec: { job?: true } = contract[method];
    const once = await runOnce(host.opened.sqlite, { id: requestId, account: actor.id, method }, run, { job: spec.job === true });
    return { ok: true, result: once.result, ...(once.alreadyDone ? { alreadyDone: true as const } : {}) };
  } catch (err) {
    const error = toApiError(err);
    // Damage met by a call is checked at once, so administrators see the banner.
    if (error.key === 'database.damaged') rt.vault.backups.suspectDamage();
    if (error.code === 'INTERNAL') console.error(`[rpc] ${method as MethodName} failed:`, err);
    return { ok: false, error };
  }
}
