import { describe, expect, it } from 'vitest';
import { SessionManager } from '../../../db/auth/sessions';
import type { Actor } from '../../../db/auth/roles';

const STAFF: Actor = { id: 'acc-1', name: '值班员', role: 'staff', seesPersonalData: false };

function manager(limits = { maxSessions: 3, unsignedMinutes: 10 }) {
  let t = 1_000_000;
  const ended: string[] = [];
  const sessions = new SessionManager(15, () => t, (id) => ended.push(id), limits);
  return { sessions, ended, advance: (minutes: number) => void (t += minutes * 60_000) };
}

describe('sessions', () => {
  it('drop a session nobody signed in to after some minutes, but keep a signed-in one', () => {
    const { sessions, advance } = manager();
    const idle = sessions.create();
    const used = sessions.create();
    sessions.signIn(used, STAFF.id, 'zhiban', STAFF);
    advance(11);
    expect(sessions.get(idle.id)).toBeUndefined();
    expect(sessions.get(used.id)).toBe(used);
    // Signed out, it is dropped the same while later.
    sessions.signOut(used);
    advance(9);
    expect(sessions.get(used.id)).toBe(used);
    advance(2);
    expect(sessions.get(used.id)).toBeUndefined();
  });

  it('refuse one more than the limit in Chinese, and make room as unsigned ones expire', () => {
    const { sessions, advance } = manager();
    for (let i = 0; i < 3; i++) sessions.create();
    expect(() => sessions.create()).toThrow(/会话达到上限（3 个）/);
    advance(11);
    expect(() => sessions.create()).not.toThrow();
  });

  it('get a new id at sign-in: the old id finds nothing, a window’s handle follows', () => {
    const { sessions, ended } = manager();
    const browser = sessions.create('127.0.0.1');
    const before = browser.id;
    sessions.signIn(browser, STAFF.id, 'zhiban', STAFF);
    expect(browser.id).not.toBe(before);
    expect(sessions.get(before)).toBeUndefined();
    expect(sessions.get(browser.id)).toBe(browser);
    const window = sessions.forHandle('window-3');
    const windowId = window.id;
    sessions.signIn(window, STAFF.id, 'zhiban', STAFF);
    expect(sessions.get('window-3')).toBe(window);
    expect(window.id).not.toBe(windowId);
    expect(sessions.get(windowId)).toBeUndefined();
    // Signing in again over a signed-in session ends its streams under the id they were opened with.
    const signedInAs = window.id;
    sessions.signIn(window, STAFF.id, 'zhiban', STAFF);
    expect(ended).toEqual([signedInAs]);
  });

  it('end the other sessions of an account, and only those', () => {
    const { sessions, ended } = manager({ maxSessions: 10, unsignedMinutes: 10 });
    const [a, b, c] = [sessions.create(), sessions.create(), sessions.create()];
    for (const s of [a, b]) sessions.signIn(s, STAFF.id, 'zhiban', STAFF);
    sessions.signIn(c, 'acc-2', 'lingdao', { ...STAFF, id: 'acc-2', role: 'leader' });
    sessions.signOutAccount(STAFF.id, a);
    expect(ended).toEqual([b.id]);
    expect([a.actor, b.actor, c.actor].map((x) => x?.id)).toEqual([STAFF.id, undefined, 'acc-2']);
  });
});
