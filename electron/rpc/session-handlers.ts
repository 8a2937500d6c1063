import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountById, actorOf, type AccountRow } from '../../db/auth/accounts';
import { listAccountsFor, updateAccount } from '../../db/auth/account-admin';
import { authorize, can } from '../../db/auth/permissions';
import type { Session } from '../../db/auth/sessions';
import { appendAudit } from '../../db/audit/append';
import { listBackupsFor } from '../../db/backup/vault-ops';
import { ServiceError } from '../../db/errors';
import { permissions, type AccountInfo, type AuthStatus, type MethodResult, type ParsedInput } from '../api';
import { startHostJob, startThreadJob } from './jobs';
import type { GridRuntime } from './runtime';
import { DEMO_FILE } from '../seed/run-seed';

export const SESSION_METHODS = [
  'auth.status',
  'auth.setup',
  'auth.login',
  'auth.unlock',
  'auth.logout',
  'auth.lock',
  'auth.changePassword',
  'auth.recover',
  'accounts.list',
  'accounts.create',
  'accounts.update',
  'accounts.resetPassword',
  'backups.list',
  'backups.create',
  'backups.restore',
] as const;
export type SessionMethod = (typeof SESSION_METHODS)[number];

type SessionHandlers = {
  [M in SessionMethod]: (rt: GridRuntime, session: Session, input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

function info(a: AccountRow): AccountInfo {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    gridIds: a.gridIds,
    seesPersonalData: a.seesPersonalData,
    disabled: a.disabled,
    createdAt: a.createdAt,
    lastLoginAt: a.lastLoginAt,
  };
}

export function authStatus(rt: GridRuntime, session: Session): AuthStatus {
  const base = { idleMinutes: rt.sessions.idleMinutes, demoAccounts: demoAccounts(rt.vault.dataDir) };
  if (rt.vault.state === 'setup-required') return { ...base, state: 'setup-required', user: null };
  const host = rt.vault.host;
  if (!host) return { ...base, state: 'signed-out', user: null };
  const account = session.accountId ? accountById(host.opened.sqlite, session.accountId) : undefined;
  if (!account || account.disabled || !session.actor) return { ...base, state: 'signed-out', user: null };
  const actor = actorOf(account);
  return {
    ...base,
    state: session.locked ? 'locked' : 'signed-in',
    user: {
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      permissions: permissions.filter((p) => can(actor, p)),
      gridIds: account.gridIds,
    },
  };
}

function demoAccounts(dataDir: string): AuthStatus['demoAccounts'] {
  const file = join(dataDir, DEMO_FILE);
  if (!existsSync(file)) return null;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { accounts: AuthStatus['demoAccounts'] }).accounts;
  } catch {
    return null;
  }
}

function signedIn(rt: GridRuntime, session: Session) {
  if (!session.actor || session.locked) throw new ServiceError('UNAUTHENTICATED', session.locked ? 'session.locked' : 'session.signInFirst', {});
  return { actor: session.actor, sqlite: rt.vault.requireOpen().opened.sqlite };
}

/** Sign-in, sessions and accounts: they act on the session itself, not only on the data. */
export const sessionHandlers: SessionHandlers = {
  'auth.status': (rt, session) => authStatus(rt, session),
  'auth.setup': (rt, session, input) => {
    const { recoveryCode, account } = rt.vault.setup(input);
    rt.sessions.signIn(session, account.id, account.username, actorOf(account));
    return { recoveryCode, status: authStatus(rt, session) };
  },
  'auth.login': (rt, session, input) => {
    const { account, actor } = rt.vault.login(input.username, input.password);
    rt.sessions.signIn(session, account.id, account.username, actor);
    return authStatus(rt, session);
  },
  'auth.unlock': (rt, session, input) => {
    if (!session.actor || !session.username) throw new ServiceError('UNAUTHENTICATED', 'session.signInFirst', {});
    rt.vault.lockout.check(session.username);
    if (!rt.vault.verifyPassword(session.username, input.password)) {
      const remaining = rt.vault.lockout.fail(session.username);
      if (remaining === 0) rt.sessions.signOut(session);
      throw new ServiceError('UNAUTHENTICATED', ...(remaining > 0 ? (['unlock.wrong', { remaining }] as const) : (['unlock.tooMany', {}] as const)), 'password');
    }
    rt.vault.lockout.succeed(session.username);
    session.locked = false;
    rt.sessions.touch(session);
    return authStatus(rt, session);
  },
  'auth.logout': (rt, session) => {
    const host = rt.vault.host;
    if (session.actor && host) appendAudit(host.opened.sqlite, { actor: session.actor, action: 'auth.logout', target: session.username ?? null });
    rt.sessions.signOut(session);
    return authStatus(rt, session);
  },
  'auth.lock': (rt, session) => {
    signedIn(rt, session);
    // Idle for ever as far as the manager can tell: it locks the session the way it locks an idle
    // one, which also ends the session's event streams.
    session.lastActive = Number.NEGATIVE_INFINITY;
    rt.sessions.get(session.id);
    return authStatus(rt, session);
  },
  'auth.changePassword': (rt, session, input) => {
    const { actor } = signedIn(rt, session);
    if (!rt.vault.verifyPassword(session.username!, input.oldPassword)) throw new ServiceError('UNAUTHENTICATED', 'password.oldWrong', {}, 'oldPassword');
    rt.vault.setPassword(actor, session.username!, input.newPassword);
    return { changed: true };
  },
  'auth.recover': (rt, session, input) => {
    const { account, actor } = rt.vault.recover(input.recoveryCode, input.username, input.newPassword);
    rt.sessions.signIn(session, account.id, account.username, actor);
    return authStatus(rt, session);
  },
  'accounts.list': (rt, session) => {
    const { actor, sqlite } = signedIn(rt, session);
    return listAccountsFor(sqlite, actor).map(info);
  },
  'accounts.create': (rt, session, input) => {
    const { actor } = signedIn(rt, session);
    authorize(actor, 'accounts.manage');
    return info(rt.vault.createAccount(actor, input));
  },
  'accounts.update': (rt, session, input) => {
    const { actor, sqlite } = signedIn(rt, session);
    const updated = updateAccount(sqlite, actor, input);
    if (updated.disabled) rt.sessions.signOutAccount(updated.id);
    return info(updated);
  },
  'accounts.resetPassword': (rt, session, input) => {
    const { actor, sqlite } = signedIn(rt, session);
    authorize(actor, 'accounts.manage');
    const account = accountById(sqlite, input.id);
    if (!account) throw new ServiceError('NOT_FOUND', 'account.notFound', {}, 'id');
    rt.vault.setPassword(actor, account.username, input.newPassword);
    if (account.id !== actor.id) rt.sessions.signOutAccount(account.id);
    return { changed: true };
  },
  'backups.list': (rt, session) => listBackupsFor(signedIn(rt, session).actor, rt.vault.dataDir),
  'backups.create': (rt, session) => {
    const { actor } = signedIn(rt, session);
    authorize(actor, 'backups.manage');
    return startThreadJob(rt, rt.vault.requireOpen().context(actor), 'backups.create', {}, 'write');
  },
  'backups.restore': (rt, session, input) => {
    const { actor } = signedIn(rt, session);
    authorize(actor, 'backups.manage');
    rt.vault.checkRestorable(input.name);
    if (rt.jobs.busy) throw new ServiceError('CONFLICT', 'job.othersRunning', {});
    return startHostJob(rt, actor, 'backups.restore', 'write', async (control) => {
      control.progress('校验并恢复备份', 0, 1);
      const out = await rt.vault.restoreFrom(actor, input.name);
      return { summary: out.setAsideAs ? `已从 ${out.restoredFrom} 恢复，原数据库移至 ${out.setAsideAs}` : `已从 ${out.restoredFrom} 恢复`, result: out };
    });
  },
};
