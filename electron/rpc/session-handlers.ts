import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accountById, actorOf, type AccountRow } from '../../db/auth/accounts';
import { listAccountsFor, updateAccount } from '../../db/auth/account-admin';
import { authorize, can } from '../../db/auth/permissions';
import type { Session } from '../../db/auth/sessions';
import { appendAudit } from '../../db/audit/append';
import { anchorBeforeBackup } from '../../db/audit/anchors';
import { listBackupsFor } from '../../db/backup/vault-ops';
import { ServiceError } from '../../db/errors';
import type { ErrorKey } from '../../messages';
import { permissions, type AccountInfo, type AuthStatus, type MethodResult, type ParsedInput } from '../api';
import { startHostJob, startThreadJob } from './jobs';
import { checkSettled } from './health';
import type { GridRuntime } from './runtime';
import { DEMO_FILE } from '../seed/run-seed';
import { createOffice } from '../../db/territory/office';

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
  'backups.health',
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

/** The signed-in, unlocked session's account as it is now (not as it was at sign-in), and the database. */
function signedIn(rt: GridRuntime, session: Session) {
  if (!session.accountId || session.locked) throw new ServiceError('UNAUTHENTICATED', session.locked ? 'session.locked' : 'session.signInFirst', {});
  const sqlite = rt.vault.requireOpen().opened.sqlite;
  const account = accountById(sqlite, session.accountId);
  if (!account || account.disabled) {
    rt.sessions.signOut(session);
    throw new ServiceError('UNAUTHENTICATED', 'session.accountGone', {});
  }
  return { account, actor: actorOf(account), sqlite };
}

/** Refusals that mean a wrong password or recovery code was given. */
const WRONG_SECRET: ReadonlySet<ErrorKey> = new Set<ErrorKey>([
  'login.wrong',
  'login.wrongLocked',
  'unlock.wrong',
  'unlock.tooMany',
  'password.oldWrongCounted',
  'password.oldWrongLocked',
  'recovery.wrongCounted',
  'recovery.wrongLocked',
]);

/**
 * A password or recovery-code check on behalf of the session's source (client address, window):
 * refused at once while that source has failed too often; a wrong secret counts against it.
 */
function throttled<T>(rt: GridRuntime, session: Session, check: () => T): T {
  rt.sessions.throttle.check(session.source);
  try {
    return check();
  } catch (err) {
    if (err instanceof ServiceError && WRONG_SECRET.has(err.key)) rt.sessions.throttle.fail(session.source);
    throw err;
  }
}

/** What ends an account's other sessions: they sign in again as the account is now. */
function changesAccess(before: AccountRow, after: AccountRow): boolean {
  return before.role !== after.role || before.disabled !== after.disabled || JSON.stringify(before.gridIds) !== JSON.stringify(after.gridIds);
}

/** Sign-in, sessions and accounts: they act on the session itself, not only on the data. */
export const sessionHandlers: SessionHandlers = {
  'auth.status': (rt, session) => authStatus(rt, session),
  'auth.setup': (rt, session, input) => {
    const { office, ...admin } = input;
    const { recoveryCode, account } = rt.vault.setup(admin);
    if (office) {
      const host = rt.vault.requireOpen();
      createOffice({ sqlite: host.opened.sqlite, clock: host.clock, nodeId: host.nodeId }, actorOf(account), office);
    }
    rt.sessions.signIn(session, account.id, account.username, actorOf(account));
    return { recoveryCode, status: authStatus(rt, session) };
  },
  'auth.login': (rt, session, input) => {
    const { account, actor } = throttled(rt, session, () => rt.vault.login(input.username, input.password, session.source));
    rt.sessions.signIn(session, account.id, account.username, actor);
    return authStatus(rt, session);
  },
  'auth.unlock': (rt, session, input) => {
    const username = session.username;
    if (!session.actor || !username) throw new ServiceError('UNAUTHENTICATED', 'session.signInFirst', {});
    return throttled(rt, session, () => {
      rt.vault.lockout.check(username);
      if (!rt.vault.verifyPassword(username, input.password)) {
        const remaining = rt.vault.lockout.fail(username);
        if (remaining === 0) rt.sessions.signOut(session);
        throw new ServiceError('UNAUTHENTICATED', ...(remaining > 0 ? (['unlock.wrong', { remaining }] as const) : (['unlock.tooMany', {}] as const)), 'password');
      }
      rt.vault.lockout.succeed(username);
      session.locked = false;
      rt.sessions.touch(session);
      return authStatus(rt, session);
    });
  },
  'auth.logout': (rt, session) => {
    const host = rt.vault.host;
    const account = session.accountId && host ? accountById(host.opened.sqlite, session.accountId) : undefined;
    if (session.actor && host) appendAudit(host.opened.sqlite, { actor: account ? actorOf(account) : session.actor, action: 'auth.logout', target: session.username ?? null });
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
  // A wrong current password counts towards the account's lock like a sign-in; at the lock this session ends too.
  'auth.changePassword': (rt, session, input) => {
    const { account, actor } = signedIn(rt, session);
    return throttled(rt, session, () => {
      rt.vault.lockout.check(account.username, 'oldPassword');
      if (!rt.vault.verifyPassword(account.username, input.oldPassword)) {
        const remaining = rt.vault.lockout.fail(account.username);
        if (remaining > 0) throw new ServiceError('UNAUTHENTICATED', 'password.oldWrongCounted', { remaining }, 'oldPassword');
        rt.sessions.signOut(session);
        throw new ServiceError('UNAUTHENTICATED', 'password.oldWrongLocked', {}, 'oldPassword');
      }
      rt.vault.setPassword(actor, account.username, input.newPassword);
      rt.sessions.signOutAccount(account.id, session);
      return { changed: true as const };
    });
  },
  'auth.recover': (rt, session, input) => {
    const { account, actor } = throttled(rt, session, () => rt.vault.recover(input.recoveryCode, input.username, input.newPassword, session.source));
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
    const before = accountById(sqlite, input.id);
    const updated = updateAccount(sqlite, actor, input);
    rt.vault.officeAccessChanged(updated);
    if (before && changesAccess(before, updated)) rt.sessions.signOutAccount(updated.id, session);
    return info(updated);
  },
  'accounts.resetPassword': (rt, session, input) => {
    const { actor, sqlite } = signedIn(rt, session);
    authorize(actor, 'accounts.manage');
    const account = accountById(sqlite, input.id);
    if (!account) throw new ServiceError('NOT_FOUND', 'account.notFound', {}, 'id');
    rt.vault.setPassword(actor, account.username, input.newPassword);
    rt.sessions.signOutAccount(account.id, session);
    return { changed: true };
  },
  'backups.list': (rt, session) => listBackupsFor(signedIn(rt, session).actor, rt.vault.dataDir),
  'backups.health': (rt, session) => {
    authorize(signedIn(rt, session).actor, 'backups.manage');
    return rt.vault.backups.health.get();
  },
  'backups.create': (rt, session) => {
    const { actor } = signedIn(rt, session);
    authorize(actor, 'backups.manage');
    // The job's own connection has no office key: the anchor the backup carries is signed here.
    anchorBeforeBackup(rt.vault.requireOpen().opened.sqlite, rt.vault.dataDir);
    return startThreadJob(rt, rt.vault.requireOpen().context(actor), 'backups.create', {}, 'write');
  },
  'backups.restore': async (rt, session, input) => {
    const { actor } = signedIn(rt, session);
    authorize(actor, 'backups.manage');
    rt.vault.checkRestorable(input.name);
    await checkSettled(rt);
    if (rt.jobs.busy) throw new ServiceError('CONFLICT', 'job.othersRunning', {});
    return startHostJob(rt, actor, 'backups.restore', 'write', async (control) => {
      control.progress('校验并恢复备份', 0, 1);
      const out = await rt.vault.restoreFrom(actor, input.name);
      return { summary: out.setAsideAs ? `已从 ${out.restoredFrom} 恢复，原数据库移至 ${out.setAsideAs}` : `已从 ${out.restoredFrom} 恢复`, result: out };
    });
  },
};
