import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
beforeEach(() => {
  t = makeRuntime();
});
afterEach(() => t.runtime.close());

describe('search.all and overview.get through the contract', () => {
  it('answers each role within its scope and refuses empty text in Chinese, naming the field', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const found = await staff.call('search.all', { text: '海滨' });
    expect(found.compounds.items.map((c) => c.name)).toEqual(['海滨花园']);
    expect(found.buildings.items.map((b) => b.id)).toEqual([t.otherGrid.building]);
    expect(found.residents).toEqual({ items: [], total: 0 });

    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    expect((await worker.call('search.all', { text: '海滨' })).buildings.total).toBe(0);
    expect((await worker.call('search.all', { text: '26号院' })).buildings.total).toBe(3);

    const analyst = await signIn(t.runtime, ROLE_USERS.analyst);
    expect((await analyst.call('search.all', { text: '1234' })).residents).toBeNull();

    expect(await staff.reply('search.all', { text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'text', message: expect.stringContaining('请输入要查找的') },
    });
  });

  it('counts a grid worker’s overview from the sign-in before this one', async () => {
    const first = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const o1 = await first.call('overview.get', {});
    expect(o1.scope).toBe('grids');
    expect(o1.since.previousSignInAt).toBeNull();
    const again = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const o2 = await again.call('overview.get', { since: 'lastSignIn' });
    expect(o2.since.previousSignInAt).not.toBeNull();
    expect(o2.since.at).toBe(o2.since.previousSignInAt);
  });
});
