import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { listStatuses } from '../../../db/statuses/definitions';
import { saveStatus } from '../../../db/statuses/save';
import { ADMIN, expectRefused, LEADER, NOW, openStreet, STAFF, type Street } from './fixture';

let s: Street;
beforeEach(() => {
  s = openStreet();
});
afterEach(() => s.close());

const watch = { key: 'watch', label: '观察', labelEn: 'Watch', color: '#1677FF', rank: 5, retired: false };

describe('statuses.list / statuses.save', () => {
  it('lists the configured statuses strictest first', () => {
    expect(listStatuses(s.ctx(LEADER))).toEqual([
      { key: 'sealed', label: '封控', labelEn: 'Sealed', color: '#cf1322', rank: 30, retired: false },
      { key: 'controlled', label: '管控', labelEn: 'Controlled', color: '#fa8c16', rank: 20, retired: false },
      { key: 'precaution', label: '防范', labelEn: 'Precaution', color: '#fadb14', rank: 10, retired: false },
      { key: 'normal', label: '正常', labelEn: 'Normal', color: '#389e0d', rank: 0, retired: false },
    ]);
  });

  it('adds a status and edits one, with an audit entry each', () => {
    expect(saveStatus(s.ctx(ADMIN), watch)).toEqual({ ...watch, color: '#1677ff' });
    expect(listStatuses(s.ctx()).map((d) => d.key)).toEqual(['sealed', 'controlled', 'precaution', 'watch', 'normal']);
    const row = s.sqlite.prepare("SELECT hlc, origin FROM status_definitions WHERE key = 'watch'").get() as { hlc: string; origin: string };
    expect(row.origin).toBe(s.host.nodeId);
    expect(saveStatus(s.ctx(ADMIN), { ...watch, label: '居家观察', rank: 12 })).toMatchObject({ label: '居家观察', rank: 12 });
    expect(saveStatus(s.ctx(ADMIN), { key: 'sealed', label: '封闭管理', labelEn: 'Sealed', color: '#a8071a', rank: 30, retired: false }).label).toBe('封闭管理');
    const actions = s.sqlite.prepare("SELECT action, target FROM audit_log WHERE action LIKE 'statuses.%' ORDER BY seq").all();
    expect(actions).toEqual([
      { action: 'statuses.create', target: 'watch' },
      { action: 'statuses.update', target: 'watch' },
      { action: 'statuses.update', target: 'sealed' },
    ]);
    expect(s.events.filter((e) => e.event === 'data.changed')).toHaveLength(3);
  });

  it('refuses a label in use, a second baseline, retiring the baseline, and non-administrators', () => {
    expectRefused(s, () => saveStatus(s.ctx(ADMIN), { ...watch, label: '管控' }), 'CONFLICT', 'label', ['管控', 'controlled']);
    expectRefused(s, () => saveStatus(s.ctx(ADMIN), { ...watch, rank: 0 }), 'INVALID_INPUT', 'rank');
    expectRefused(s, () => saveStatus(s.ctx(ADMIN), { key: 'normal', label: '正常', labelEn: 'Normal', color: '#389e0d', rank: 0, retired: true }), 'CONFLICT', 'retired', ['基准']);
    expectRefused(s, () => saveStatus(s.ctx(ADMIN), { key: 'normal', label: '正常', labelEn: 'Normal', color: '#389e0d', rank: 3, retired: false }), 'INVALID_INPUT', 'rank');
    expectRefused(s, () => saveStatus(s.ctx(STAFF), watch), 'FORBIDDEN');
  });

  it('refuses a new status whose code is an existing status, naming it, and leaves that status as it was', () => {
    const before = listStatuses(s.ctx());
    const taken = { key: 'controlled', label: '重点', labelEn: 'Focus', color: '#722ed1', rank: 25, retired: false, create: true };
    expectRefused(s, () => saveStatus(s.ctx(ADMIN), taken), 'CONFLICT', 'key', ['controlled', '管控', '不能覆盖']);
    expectRefused(s, () => saveStatus(s.ctx(ADMIN), { ...taken, key: 'sealed', label: '封控' }), 'CONFLICT', 'key', ['封控']);
    expect(listStatuses(s.ctx())).toEqual(before);
    expect(saveStatus(s.ctx(ADMIN), { ...watch, create: true }).key).toBe('watch');
  });

  it('refuses to retire a status buildings still have, saying how many; retires it once none has it', () => {
    const def = { key: 'controlled', label: '管控', labelEn: 'Controlled', color: '#fa8c16', rank: 20, retired: true };
    expectRefused(s, () => saveStatus(s.ctx(ADMIN), def), 'CONFLICT', 'retired', ['5 栋楼', '管控']);
    for (const id of s.t.buildings) setBuildingStatus(s.ctx(), { id, status: 'precaution', reason: '降级为防范' }, NOW);
    expect(saveStatus(s.ctx(ADMIN), def).retired).toBe(true);
    expect(listStatuses(s.ctx()).find((d) => d.key === 'controlled')?.retired).toBe(true);
  });
});
