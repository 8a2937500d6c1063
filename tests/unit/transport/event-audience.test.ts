import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { mayReceive } from '../../../electron/host/audience';
import { EventHub } from '../../../electron/server/event-hub';
import { dispatch } from '../../../electron/rpc/dispatch';
import { makeRuntime, PASSWORD, signIn } from '../helpers/runtime';

/** A stream as the hub sees it: what was written to it. */
function stream() {
  const frames: string[] = [];
  const res = { writeHead: () => res, write: (f: string) => frames.push(f), end: () => undefined } as unknown as ServerResponse;
  return { res, frames, req: new EventEmitter() as IncomingMessage };
}

describe('who receives a push event', () => {
  it('sends a job’s progress only to the streams of the account that started it', () => {
    const hub = new EventHub();
    const [mine, theirs] = [stream(), stream()];
    hub.attach(mine.req, mine.res, {}, { sessionId: 's1', accountId: 'acc-staff' });
    hub.attach(theirs.req, theirs.res, {}, { sessionId: 's2', accountId: 'acc-grid-worker' });
    hub.publish('jobs.changed', { id: 'j1', ownerId: 'acc-staff', file: { fileId: 'f1' } });
    hub.publish('data.changed', { domains: ['buildings'] });
    expect(mine.frames.filter((f) => f.startsWith('event: jobs.changed'))).toHaveLength(1);
    expect(theirs.frames.some((f) => f.includes('jobs.changed') || f.includes('f1'))).toBe(false);
    expect(theirs.frames.filter((f) => f.startsWith('event: data.changed'))).toHaveLength(1);
    hub.closeAll();
  });

  it('closes the streams of a session once it signs out, and only those', async () => {
    const t = makeRuntime();
    const hub = new EventHub();
    t.runtime.onEvent((event, payload) => hub.publish(event, payload));
    const staff = await signIn(t.runtime, 'zhiban');
    const leader = await signIn(t.runtime, 'lingdao');
    const [mine, theirs] = [stream(), stream()];
    let ended = 0;
    mine.res.end = (() => void ended++) as never;
    hub.attach(mine.req, mine.res, {}, { sessionId: staff.session.id, accountId: staff.session.accountId! });
    hub.attach(theirs.req, theirs.res, {}, { sessionId: leader.session.id, accountId: leader.session.accountId! });
    await staff.call('auth.logout', {});
    expect(ended).toBe(1);
    hub.publish('data.changed', { domains: ['buildings'] });
    expect(mine.frames.some((f) => f.includes('data.changed'))).toBe(false);
    expect(theirs.frames.some((f) => f.includes('data.changed'))).toBe(true);
    expect(theirs.frames.some((f) => f.includes('session.ended'))).toBe(false);
    hub.closeAll();
    t.runtime.close();
  });

  it('locks a session by hand (锁屏): its streams close, calls wait for the password, unlocking resumes it', async () => {
    const t = makeRuntime();
    const hub = new EventHub();
    t.runtime.onEvent((event, payload) => hub.publish(event, payload));
    const staff = await signIn(t.runtime, 'zhiban');
    const mine = stream();
    let ended = 0;
    mine.res.end = (() => void ended++) as never;
    hub.attach(mine.req, mine.res, {}, { sessionId: staff.session.id, accountId: staff.session.accountId! });
    expect(await staff.call('auth.lock', {})).toMatchObject({ state: 'locked', user: { username: 'zhiban' } });
    expect(ended).toBe(1);
    expect(await staff.reply('buildings.reminders', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', key: 'session.locked' } });
    expect(await staff.call('auth.status', {})).toMatchObject({ state: 'locked' });
    expect(await staff.reply('auth.unlock', { password: 'wrong-password' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await staff.call('auth.unlock', { password: PASSWORD })).toMatchObject({ state: 'signed-in' });
    expect(await staff.reply('buildings.reminders', {})).toMatchObject({ ok: true });
    const stranger = t.runtime.sessions.create();
    expect(await dispatch(t.runtime, stranger.id, { mode: 'browser' }, 'auth.lock', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    hub.closeAll();
    t.runtime.close();
  });

  it('is decided the same way for Electron windows', () => {
    expect(mayReceive('jobs.changed', { ownerId: 'a' }, 'a')).toBe(true);
    expect(mayReceive('jobs.changed', { ownerId: 'a' }, 'b')).toBe(false);
    expect(mayReceive('jobs.changed', { ownerId: 'a' }, null)).toBe(false);
    expect(mayReceive('map.changed', { revision: 3 }, null)).toBe(true);
    expect(mayReceive('session.ended', { sessionId: 'x' }, 'a')).toBe(false);
  });
});
