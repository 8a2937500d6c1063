import type { IncomingMessage, ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { eventFor, viewerOf } from '../../../electron/host/audience';
import { EventHub } from '../../../electron/server/event-hub';
import { InlineBackend } from '../../../electron/host/inline-backend';
import { makeRuntime, signIn } from '../helpers/runtime';

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
    hub.attach(mine.req, mine.res, {}, { sessionId: 's1', viewer: { accountId: 'acc-staff', gridIds: null } });
    hub.attach(theirs.req, theirs.res, {}, { sessionId: 's2', viewer: { accountId: 'acc-grid-worker', gridIds: ['g1'] } });
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
    hub.attach(mine.req, mine.res, {}, { sessionId: staff.session.id, viewer: { accountId: staff.session.accountId!, gridIds: null } });
    hub.attach(theirs.req, theirs.res, {}, { sessionId: leader.session.id, viewer: { accountId: leader.session.accountId!, gridIds: null } });
    await staff.call('auth.logout', {});
    expect(ended).toBe(1);
    hub.publish('data.changed', { domains: ['buildings'] });
    expect(mine.frames.some((f) => f.includes('data.changed'))).toBe(false);
    expect(theirs.frames.some((f) => f.includes('data.changed'))).toBe(true);
    expect(theirs.frames.some((f) => f.includes('session.ended'))).toBe(false);
    hub.closeAll();
    t.runtime.close();
  });

  it('gives a grid worker only the buildings of their own grids, as the account is now', async () => {
    const t = makeRuntime();
    const hub = new EventHub();
    t.runtime.onEvent((event, payload) => hub.publish(event, payload));
    const admin = await signIn(t.runtime, 'admin');
    const worker = await signIn(t.runtime, 'wangge');
    const [street, own] = [stream(), stream()];
    let ended = 0;
    own.res.end = (() => void ended++) as never;
    const view = async (caller: typeof admin) => (await new InlineBackend(t.runtime).session(caller.session.id))!;
    hub.attach(street.req, street.res, {}, { sessionId: admin.session.id, viewer: viewerOf(await view(admin))! });
    hub.attach(own.req, own.res, {}, { sessionId: worker.session.id, viewer: viewerOf(await view(worker))! });
    const mine = t.territory.buildings[0]!;
    const theirs = t.otherGrid.building;
    await admin.call('buildings.bulkSetStatus', { selection: { kind: 'buildings', ids: [mine, theirs] }, status: 'sealed', reason: '发现阳性' });
    const delta = (frames: string[]) => JSON.parse(frames.find((f) => f.startsWith('event: map.changed'))!.split('data: ')[1]!) as { revision: number; statuses: Record<string, string[]> };
    expect(delta(street.frames).statuses.sealed!.sort()).toEqual([mine, theirs].sort());
    expect(delta(own.frames)).toEqual({ ...delta(street.frames), statuses: { sealed: [mine] } });
    expect(street.frames.join('')).not.toContain('gridOf');
    // Moved to the other grid, the worker's stream closes; it is opened again as the account is now.
    await admin.call('accounts.update', { id: worker.session.accountId!, gridIds: [t.otherGrid.grid] });
    expect(ended).toBe(1);
    hub.closeAll();
    t.runtime.close();
  });

  it('is decided the same way for Electron windows', () => {
    const viewer = (accountId: string, gridIds: string[] | null = null) => ({ accountId, gridIds });
    expect(eventFor('jobs.changed', { ownerId: 'a' }, viewer('a'))).toEqual({ ownerId: 'a' });
    expect(eventFor('jobs.changed', { ownerId: 'a' }, viewer('b'))).toBeNull();
    expect(eventFor('data.changed', { domains: ['buildings'] }, null)).toBeNull();
    const change = { revision: 3, batchId: 'b', statuses: { sealed: ['x', 'y'] }, gridOf: { x: 'g1', y: 'g2' } };
    expect(eventFor('map.changed', change, viewer('a'))).toEqual({ revision: 3, batchId: 'b', statuses: { sealed: ['x', 'y'] } });
    expect(eventFor('map.changed', change, viewer('a', ['g2']))).toEqual({ revision: 3, batchId: 'b', statuses: { sealed: ['y'] } });
    expect(eventFor('session.ended', { sessionId: 'x' }, viewer('a'))).toBeNull();
  });
});
