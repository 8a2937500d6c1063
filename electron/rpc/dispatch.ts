import type { z } from 'zod';
import { DatabaseOpenError, ServiceError } from '../../db/errors';
import { accountById, actorOf } from '../../db/auth/accounts';
import { authorize } from '../../db/auth/permissions';
import type { Session } from '../../db/auth/sessions';
import type { ServiceContext } from '../../db/context';
import { contract, isMethodName, type ApiError, type ApiResponse, type MethodName } from '../api';
import { handlers, type DataMethod, type HandlerEnv } from './handlers';
import type { GridRuntime } from './runtime';
import { SESSION_METHODS, sessionHandlers, type SessionMethod } from './session-handlers';

function zodFailure(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const where = field ? `字段「${field}」` : '输入';
  return {
    code: 'INVALID_INPUT',
    message: `${where}无效：${issue?.message ?? '格式不对'}`,
    ...(field ? { field } : {}),
  };
}

/** Turns anything a service threw into an error the caller can show; never leaks a stack. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ServiceError) return { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) };
  if (err instanceof DatabaseOpenError) return { code: 'DATABASE', message: err.message };
  const sqliteCode = (err as { code?: unknown } | null)?.code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_')) {
    return { code: 'DATABASE', message: `数据库操作失败（${sqliteCode}），数据未改动。请重试；若反复出现，请联系管理员` };
  }
  return { code: 'INTERNAL', message: '内部错误，操作未完成，数据未改动。请重试；若反复出现，请联系管理员' };
}

/**
 * The one entry point both transports (Electron IPC and browser-mode HTTP) call: checks the
 * method exists, validates the input against the contract's schema, checks what the method
 * declares it needs (`public`: nothing; `signedIn`: a signed-in, unlocked, active account; a
 * permission: such an account holding it), then runs the service.
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
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `没有名为「${name}」的接口`, field: 'method' } };
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const session = rt.sessions.get(sessionId);
  if (!session) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '会话不存在或已失效，请重新打开' } };
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
    if (!session.actor || !host) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
    if (session.locked) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '会话已锁定，请输入密码解锁' } };
    // The account may have changed since sign-in (role, grids, disabled): act as it is now.
    const account = accountById(host.opened.sqlite, session.accountId!);
    if (!account || account.disabled) {
      rt.sessions.signOut(session);
      return { ok: false, error: { code: 'UNAUTHENTICATED', message: '账号已停用或不存在，请联系管理员' } };
    }
    const actor = actorOf(account);
    if (permission !== 'signedIn') authorize(actor, permission);
    rt.sessions.touch(session);
    if (sessionMethod) {
      const handler = sessionHandlers[method as SessionMethod] as (rt: GridRuntime, s: Session, input: unknown) => unknown;
      return { ok: true, result: await handler(rt, session, parsed.data) };
    }
    const handler = handlers[method as DataMethod] as (ctx: ServiceContext, input: unknown, env: HandlerEnv) => unknown;
    return { ok: true, result: await handler(host.context(actor), parsed.data, env) };
  } catch (err) {
    const error = toApiError(err);
    if (error.code === 'INTERNAL') console.error(`[rpc] ${method as MethodName} failed:`, err);
    return { ok: false, error };
  }
}
