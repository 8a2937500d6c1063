import { describe, expect, it } from 'vitest';
import { SESSION_ENDED } from '../../../electron/host/audience';
import { makeRuntime, PASSWORD, signIn, type Caller } from '../helpers/runtime';

/** A second administrator, signed in, and the ids of the session events seen from then on. */
async function twoAdmins() {
  const t = makeRuntime();
  const a = await signIn(t.runtime, 'admin');
  const b = await a.call('accounts.create', { username: 'admin_b', displayName: '管理员乙', role: 'admin', password: PASSWORD });
  const bSession = await signIn(t.runtime, 'admin_b');
  const ended: string[] = [];
  t.runtime.onEvent((event, payload) => {
    if (event === SESSION_ENDED) ended.push((payload as { sessionId: string }).sessionId);
  });
  return { t, a, b, bSession, ended };
}

async function expectSignedOut(caller: Caller) {
  expect(await caller.call('auth.status')).toMatchObject({ state: 'signed-out', user: null });
}

describe('a change to an account reaches its open sessions at once', () => {
  it('ends a demoted administrator’s sessions and streams: none of the administrator methods answer any more', async () => {
    const { t, a, b, bSession, ended } = await twoAdmins();
    const id = bSession.session.id;
    await a.call('accounts.update', { id: b.id, role: 'leader' });
    expect(ended).toEqual([id]);
    await expectSignedOut(bSession);
    for (const refused of [
      await bSession.reply('accounts.list'),
      await bSession.reply('accounts.create', { username: 'sneaky', displayName: '后门', role: 'admin', password: PASSWORD }),
      await bSession.reply('accounts.update', { id: b.id, role: 'admin' }),
      await bSession.reply('accounts.resetPassword', { id: a.session.accountId!, newPassword: 'taken-over-1' }),
      await bSession.reply('backups.list'),
      await bSession.reply('backups.create'),
    ]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    // Signed in again, B is what B is now.
    const again = await signIn(t.runtime, 'admin_b');
    expect(await again.reply('accounts.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await again.reply('backups.create')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The acting administrator stays signed in; nobody else was made.
    expect((await a.call('accounts.list')).map((x) => x.username)).not.toContain('sneaky');
    t.runtime.close();
  });

  it('ends the sessions of an account whose grids change, or that is disabled; a new name alone ends nothing', async () => {
    const t = makeRuntime();
    const admin = await signIn(t.runtime, 'admin');
    const worker = await signIn(t.runtime, 'wangge');
    const leader = await signIn(t.runtime, 'lingdao');
    await admin.call('accounts.update', { id: leader.session.accountId!, displayName: '王主任' });
    expect(await leader.call('auth.status')).toMatchObject({ state: 'signed-in', user: { displayName: '王主任' } });
    await admin.call('accounts.update', { id: worker.session.accountId!, gridIds: [t.otherGrid.grid] });
    await expectSignedOut(worker);
    await admin.call('accounts.update', { id: leader.session.accountId!, disabled: true });
    await expectSignedOut(leader);
    t.runtime.close();
  });

  it('ends the other sessions of an account whose password changes, but not the one that changed it', async () => {
    const t = makeRuntime();
    const admin = await signIn(t.runtime, 'admin');
    const here = await signIn(t.runtime, 'zhiban');
    const elsewhere = await signIn(t.runtime, 'zhiban');
    await here.call('auth.changePassword', { oldPassword: PASSWORD, newPassword: 'changed-pass-1' });
    expect(await here.call('auth.status')).toMatchObject({ state: 'signed-in' });
    await expectSignedOut(elsewhere);
    // An administrator's reset ends them all.
    await admin.call('accounts.resetPassword', { id: here.session.accountId!, newPassword: 'reset-pass-22' });
    await expectSignedOut(here);
    t.runtime.close();
  });

  it('writes what a session does under the account’s name as it is now, not as it was at sign-in', async () => {
    const { t, a, bSession } = await twoAdmins();
    await bSession.call('accounts.update', { id: a.session.accountId!, displayName: '新名字' });
    await a.call('accounts.create', { username: 'later', displayName: '后来的', role: 'staff', password: PASSWORD });
    const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
    const entry = sqlite.prepare(`SELECT actor_name FROM audit_log WHERE action = 'account.create' AND target = 'later'`).get() as { actor_name: string };
    expect(entry.actor_name).toBe('新名字');
    t.runtime.close();
  });
});
