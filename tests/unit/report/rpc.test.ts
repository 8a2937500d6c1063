import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '../../../db/report/day';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
beforeEach(() => {
  t = makeRuntime();
});
afterEach(() => t.runtime.close());

describe('report.daily through the contract', () => {
  it('answers today when no day is given, and a grid worker with their grids named', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const today = localDate(Date.now());
    const r = await staff.call('report.daily', {});
    expect(r).toMatchObject({ date: today, today, scope: 'street', gridNames: [] });
    expect(r.buildings.total).toBeGreaterThan(0);
    const worker = await signIn(t.runtime, ROLE_USERS.grid_worker);
    const mine = await worker.call('report.daily', { date: today });
    expect(mine.scope).toBe('grids');
    expect(mine.gridNames.length).toBeGreaterThan(0);
    expect(mine.buildings.total).toBeLessThan(r.buildings.total);
  });

  it('refuses a day that has not begun and a day that does not exist in Chinese, naming the field', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const tomorrow = localDate(Date.now() + 86_400_000);
    expect(await staff.reply('report.daily', { date: tomorrow })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'date', key: 'report.futureDate', message: `${tomorrow} 还没有到，不能生成日报；请选择今天或之前的日期` },
    });
    expect(await staff.reply('report.daily', { date: '2026-13-01' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'date', message: expect.stringContaining('没有这一天') },
    });
  });
});
