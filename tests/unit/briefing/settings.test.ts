import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRuntime, ROLE_USERS, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
beforeEach(() => {
  t = makeRuntime();
});
afterEach(() => t.runtime.close());

const stored = () => t.runtime.vault.requireOpen().opened.sqlite.prepare('SELECT * FROM settings').all();

describe('briefing settings', () => {
  it('starts from the defaults, and a leader’s change is kept, audited and announced', async () => {
    const leader = await signIn(t.runtime, ROLE_USERS.leader);
    expect(await leader.call('briefing.settings')).toEqual({
      panels: ['map', 'communities', 'charts', 'trends'],
      rotate: true,
      intervalSeconds: 20,
      staleAfterSeconds: 60,
      updatedAt: null,
      updatedBy: null,
    });
    const saved = await leader.call('briefing.saveSettings', { panels: ['trends', 'map'], rotate: false, intervalSeconds: 45, staleAfterSeconds: 120 });
    expect(saved).toMatchObject({ panels: ['trends', 'map'], rotate: false, intervalSeconds: 45, staleAfterSeconds: 120, updatedBy: expect.any(String) });
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    expect(await staff.call('briefing.settings')).toEqual(saved);

    const admin = await signIn(t.runtime, ROLE_USERS.admin);
    const log = await admin.call('audit.query', { action: 'briefing.settings', limit: 5 });
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ target: 'briefing', detail: { panels: ['trends', 'map'], rotate: false, intervalSeconds: 45, staleAfterSeconds: 120 } });
  });

  it('refuses a duty officer, and bad input naming the field, leaving nothing stored', async () => {
    const staff = await signIn(t.runtime, ROLE_USERS.staff);
    const good = { panels: ['map' as const], rotate: true, intervalSeconds: 10, staleAfterSeconds: 60 };
    expect(await staff.reply('briefing.saveSettings', good)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = await signIn(t.runtime, ROLE_USERS.admin);
    const cases: [unknown, string, RegExp][] = [
      [{ ...good, intervalSeconds: 1 }, 'intervalSeconds', /轮播间隔不能少于 3 秒/],
      [{ ...good, staleAfterSeconds: 99999 }, 'staleAfterSeconds', /过时判定不能超过 3600 秒/],
      [{ ...good, panels: [] }, 'panels', /至少选择一个面板/],
      [{ ...good, panels: ['map', 'map'] }, 'panels', /面板不能重复/],
      [{ ...good, panels: ['weather'] }, 'panels.0', /./],
    ];
    for (const [input, field, message] of cases) {
      const reply = await admin.sendUntyped('briefing.saveSettings', input);
      expect(reply, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field, message: expect.stringMatching(message) } });
    }
    expect(stored()).toEqual([]);
  });
});
