import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLD_WINDOW_MS, UNKNOWN_NAME } from '../../../db/auth/failure-audit';
import { MAX_UNKNOWN_NAMES } from '../../../db/auth/lockout';
import { SIGN_IN_THROTTLE } from '../../../db/auth/throttle';
import { GridRuntime } from '../../../electron/rpc/runtime';
import { dispatch } from '../../../electron/rpc/dispatch';
import { FAST_KDF, makeRuntime, PASSWORD, signIn } from '../helpers/runtime';
import { tempDir } from '../helpers/tmp';

/** A clock the test moves. */
function clock() {
  let t = Date.now();
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

/** Signs in from a session opened for `source`, as a browser at that address would. */
function tryLogin(rt: GridRuntime, source: string, username: string, password: string) {
  const session = rt.sessions.create(source);
  return dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username, password });
}

describe('guessing passwords', () => {
  it('counts wrong current passwords when changing one towards the account’s lock, and signs the session out at the lock', async () => {
    const t = makeRuntime();
    const staff = await signIn(t.runtime, 'zhiban');
    for (let remaining = 4; remaining > 0; remaining--) {
      const wrong = await staff.reply('auth.changePassword', { oldPassword: 'not-it-123', newPassword: 'whatever-99' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', field: 'oldPassword', params: { remaining } } });
    }
    const last = await staff.reply('auth.changePassword', { oldPassword: 'not-it-123', newPassword: 'whatever-99' });
    expect(last).toMatchObject({ ok: false, error: { key: 'password.oldWrongLocked' } });
    if (!last.ok) expect(last.error.message).toMatch(/锁定/);
    expect(await staff.call('auth.status')).toMatchObject({ state: 'signed-out' });
    // Locked like a sign-in: the right password does not help until the lock runs out.
    expect(await tryLogin(t.runtime, 'here', 'zhiban', PASSWORD)).toMatchObject({ ok: false, error: { key: 'account.lockedOut' } });
    t.runtime.close();
  });

  it('locks the recovery code after five wrong ones: then even the right code is refused', async () => {
    const rt = new GridRuntime(tempDir(), { kdf: FAST_KDF });
    const { recoveryCode } = rt.vault.setup({ username: 'admin', displayName: '管理员', password: PASSWORD });
    const session = rt.sessions.create('here');
    const recover = (code: string) =>
      dispatch(rt, session.id, { mode: 'browser' }, 'auth.recover', { recoveryCode: code, username: 'admin', newPassword: 'brand-new-pass-1' });
    for (let i = 0; i < 4; i++) expect(await recover('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE')).toMatchObject({ ok: false, error: { key: 'recovery.wrongCounted' } });
    expect(await recover('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE')).toMatchObject({ ok: false, error: { key: 'recovery.wrongLocked' } });
    const locked = await recover(recoveryCode);
    expect(locked).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'recovery.lockedOut', field: 'recoveryCode' } });
    if (!locked.ok) expect(locked.error.message).toMatch(/分钟后再试/);
    // The administrator's password was not changed.
    expect(rt.vault.verifyPassword('admin', PASSWORD)).toBe(true);
    rt.close();
  });

  it('refuses a source that failed too often before checking anything, other sources not, and lets it try again later', async () => {
    const c = clock();
    const t = makeRuntime({ now: c.now });
    for (let i = 0; i < SIGN_IN_THROTTLE.failures; i++) {
      expect(await tryLogin(t.runtime, '10.0.0.9', `nobody${i}`, 'guess-guess-1')).toMatchObject({ ok: false, error: { key: 'login.wrong' } });
    }
    const throttled = await tryLogin(t.runtime, '10.0.0.9', 'zhiban', PASSWORD);
    expect(throttled).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'login.throttled' } });
    if (!throttled.ok) expect(throttled.error.message).toMatch(/秒后再试/);
    expect(await tryLogin(t.runtime, '10.0.0.10', 'zhiban', PASSWORD)).toMatchObject({ ok: true });
    c.advance(SIGN_IN_THROTTLE.windowMs);
    expect(await tryLogin(t.runtime, '10.0.0.9', 'zhiban', PASSWORD)).toMatchObject({ ok: true });
    t.runtime.close();
  });

  it('folds repeated failures into one audit entry with a count, and never writes a name that is no account', async () => {
    const c = clock();
    const t = makeRuntime({ now: c.now });
    // Passwords typed into the name field, from one address.
    const typed = Array.from({ length: 8 }, (_, i) => `Secret-pw-${i}`);
    for (const name of typed) await tryLogin(t.runtime, '10.0.0.7', name, 'x-whatever-1');
    for (let i = 0; i < 2; i++) await tryLogin(t.runtime, '10.0.0.7', 'zhiban', 'wrong-pass-1');
    const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
    const failures = () =>
      sqlite.prepare(`SELECT actor_name, target, detail FROM audit_log WHERE action = 'auth.login_failed' ORDER BY seq`).all() as { actor_name: string; target: string; detail: string }[];
    expect(failures()).toEqual([]);
    // The next failure after the window writes the closed window's entries.
    c.advance(FOLD_WINDOW_MS);
    await tryLogin(t.runtime, '10.0.0.8', 'nobody', 'x-whatever-1');
    const written = failures().map((f) => ({ ...f, detail: JSON.parse(f.detail) as Record<string, unknown> }));
    expect(written).toEqual([
      { actor_name: '未登录用户', target: UNKNOWN_NAME, detail: expect.objectContaining({ count: 8, source: '10.0.0.7' }) },
      { actor_name: '未登录用户', target: 'zhiban', detail: expect.objectContaining({ count: 2, source: '10.0.0.7' }) },
    ]);
    const log = JSON.stringify(sqlite.prepare('SELECT * FROM audit_log').all());
    for (const name of typed) expect(log).not.toContain(name);
    t.runtime.close();
  });

  it('keeps lockout.json to real accounts: guessed names count in memory only, and only so many', async () => {
    const t = makeRuntime();
    const book = t.runtime.vault.lockout;
    for (let i = 0; i < MAX_UNKNOWN_NAMES + 50; i++) book.fail(`Typed-Password-${i}`);
    book.fail('zhiban');
    expect(book.counts).toEqual({ stored: 1, unknown: MAX_UNKNOWN_NAMES });
    const file = readFileSync(join(t.dataDir, 'lockout.json'), 'utf8');
    expect(Object.keys(JSON.parse(file) as object)).toEqual(['zhiban']);
    expect(file).not.toContain('Typed-Password');
    // An unknown name still counts towards its lock, as a real one does (the answers match).
    for (let i = 0; i < 5; i++) book.fail('no-such-user');
    expect(() => book.check('no-such-user')).toThrow(/锁定/);
    t.runtime.close();
  });
});
