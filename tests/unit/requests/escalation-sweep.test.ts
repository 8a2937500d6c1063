import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepEscalations } from '../../../electron/rpc/escalation-sweep';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

const HOUR = 3_600_000;
let t: TestRuntime;
let clock: number;

beforeEach(() => {
  clock = Date.now();
  t = makeRuntime({ now: () => clock, idleMinutes: 100_000 });
});
afterEach(() => t.runtime.close());

describe('the escalation sweep', () => {
  it('escalates a request that passed its limit with nobody reading, once, and tells every window', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const late = await staff.call('requests.create', { buildingId: t.territory.buildings[0]!, kind: 'medicine', title: '降压药两盒', source: 'hotline' });
    const events: unknown[] = [];
    t.runtime.onEvent((event, payload) => {
      if (event === 'data.changed') events.push(payload);
    });

    // The integrity check that follows opening the file runs as a job; the sweep waits for no job.
    while (t.runtime.jobs.busy) await new Promise((r) => setTimeout(r, 20));

    clock += 23 * HOUR;
    expect(sweepEscalations(t.runtime)).toBe(0);
    expect(events).toEqual([]);

    clock += 2 * HOUR;
    expect(sweepEscalations(t.runtime)).toBe(1);
    expect(events).toEqual([{ domains: ['requests', 'buildings'] }]);
    expect(sweepEscalations(t.runtime)).toBe(0);
    expect(events).toHaveLength(1);

    const detail = await staff.call('requests.get', { id: late.id });
    expect(detail.history.map((e) => [e.action, e.actor])).toEqual([
      ['create', expect.any(String)],
      ['escalate', '系统'],
    ]);
    const admin = await signIn(t.runtime, 'admin');
    expect((await admin.call('audit.query', { action: 'requests.escalate', limit: 5 })).entries).toHaveLength(1);
  });
});
