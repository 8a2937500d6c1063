import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildingDetail } from '../../../db/buildings/detail';
import type { Actor } from '../../../db/auth/roles';
import {
  addHousehold, addIncidentRow, addNeedRow, addResident, addTag, DAY, grantSafeCompound, openStreet, type Street,
} from './fixture';

const NOW = 1_790_000_000_000;
let s: Street;
let b: string;

beforeEach(() => {
  s = openStreet();
  b = s.territory.buildings[0]!;
  const { sqlite } = s;
  const h1 = addHousehold(sqlite, b, '1单元101');
  const h2 = addHousehold(sqlite, b, '1单元102', { registration: 'floating' });
  const r1 = addResident(sqlite, h1, b);
  const r2 = addResident(sqlite, h1, b, { relation: 'spouse' });
  const r3 = addResident(sqlite, h2, b, { registration: 'floating' });
  const r4 = addResident(sqlite, h2, b, { registration: 'floating', relation: 'tenant' });
  const gone = addResident(sqlite, h2, b, { registration: 'floating', deleted: true });
  addTag(sqlite, r1, b, 'home_observation', NOW - 3 * DAY, NOW + 4 * DAY); // current
  addTag(sqlite, r2, b, 'home_observation', NOW - 20 * DAY, NOW - 6 * DAY); // ended
  addTag(sqlite, r3, b, 'home_observation', NOW + DAY, NOW + 8 * DAY); // not begun
  addTag(sqlite, r3, b, 'isolation', NOW - DAY, null); // open-ended, current
  addTag(sqlite, r4, b, 'isolation', NOW - 30 * DAY, NOW - 16 * DAY); // ended
  addTag(sqlite, r1, b, 'elderly_alone', NOW - 900 * DAY, NOW - 800 * DAY); // permanent groups ignore dates
  addTag(sqlite, r2, b, 'disabled');
  addTag(sqlite, r4, b, 'returnee', NOW - 2 * DAY);
  addTag(sqlite, gone, b, 'returnee', null, null, true); // deleted with its resident
  addTag(sqlite, r1, b, 'disabled', null, null, true); // withdrawn
  // a building elsewhere must not leak into the counts
  const other = s.territory.buildings[1]!;
  addTag(sqlite, addResident(sqlite, addHousehold(sqlite, other, '2单元201'), other), other, 'returnee');

  addNeedRow(sqlite, b, NOW - 2 * DAY);
  addNeedRow(sqlite, b, NOW - 5 * DAY);
  addNeedRow(sqlite, b, NOW - 9 * DAY, NOW - 8 * DAY);
  for (let i = 1; i <= 7; i++) addIncidentRow(sqlite, b, NOW - (20 + i) * DAY, NOW - (10 + i) * DAY);
  addIncidentRow(sqlite, b, NOW - DAY);
  addIncidentRow(sqlite, b, NOW - 3 * DAY);
  grantSafeCompound(sqlite, s.territory.compound, NOW - 400 * DAY, NOW - 300 * DAY);
  grantSafeCompound(sqlite, s.territory.compound, NOW - 100 * DAY);
});
afterEach(() => s.close());

describe('buildings.get — the panel', () => {
  it('counts households, residents by registration and current group members only', () => {
    const d = buildingDetail(s.ctx(), b, NOW);
    expect(d.groups).toEqual({
      households: 2,
      residents: 4,
      registered: 2,
      floating: 2,
      tags: { home_observation: 1, isolation: 1, elderly_alone: 1, disabled: 1, returnee: 1 },
    });
  });

  it('moves observation counts as time passes', () => {
    expect(buildingDetail(s.ctx(), b, NOW + 2 * DAY).groups.tags.home_observation).toBe(2);
    expect(buildingDetail(s.ctx(), b, NOW + 5 * DAY).groups.tags.home_observation).toBe(1);
    expect(buildingDetail(s.ctx(), b, NOW + 9 * DAY).groups.tags.home_observation).toBe(0);
  });

  it('lists its requests open first, overdue before the rest, then the five latest handled', () => {
    const d = buildingDetail(s.ctx(), b, NOW);
    expect(d.requests.map((r) => [r.receivedAt - NOW, r.overdue])).toEqual([
      [-2 * DAY, true], [-3 * DAY, true], [-5 * DAY, true], [-DAY, false],
      [-9 * DAY, false], [-21 * DAY, false], [-22 * DAY, false], [-23 * DAY, false], [-24 * DAY, false],
    ]);
    expect(d.requests.slice(4).every((r) => r.state === 'resolved')).toBe(true);
    expect(d.requests.find((r) => r.receivedAt === NOW - 3 * DAY)).toMatchObject({ kind: 'facility', state: 'pending' });
  });

  it('shows the compound’s current 放心楼院 designation and ignores revoked ones', () => {
    expect(buildingDetail(s.ctx(), b, NOW).safeCompound).toEqual({ grantedAt: NOW - 100 * DAY, criteria: ['无疫情', '自治组织健全'] });
    expect(buildingDetail(s.ctx(), s.other.buildings[0]!, NOW).safeCompound).toBeNull();
  });

  it('carries the status end date and the batch of history entries', () => {
    const d = buildingDetail(s.ctx(), s.other.buildings[0]!, NOW);
    expect(d.statusUntil).toBe(1_700_000_000_000 + 20 * DAY);
    expect(d.groups).toMatchObject({ households: 0, residents: 0 });
    expect(buildingDetail(s.ctx(), b, NOW).recentHistory[0]).toMatchObject({ status: 'controlled', batchId: null });
  });

  it('shows who asked for help, name and room, to a duty officer and only a masked name to the analyst', () => {
    const staff: Actor = { id: 's', name: '值班员小李', role: 'staff', seesPersonalData: false };
    const analyst: Actor = { id: 'a', name: '数据专员', role: 'analyst', seesPersonalData: false };
    const needs = (d: ReturnType<typeof buildingDetail>) => d.requests.filter((r) => r.kind === 'medicine' && r.state === 'pending').map((r) => r.requester);
    expect(needs(buildingDetail(s.ctx(staff), b, NOW))).toEqual(['张大爷 301', '张大爷 301']);
    const masked = buildingDetail(s.ctx(analyst), b, NOW);
    expect(needs(masked)).toEqual(['张**', '张**']);
    expect(JSON.stringify(masked)).not.toContain('张大爷');
  });

  it('limits a grid worker to buildings of their grids', () => {
    const worker: Actor = { id: 'w', name: '网格员小王', role: 'grid_worker', gridIds: [s.territory.grid], seesPersonalData: false };
    expect(buildingDetail(s.ctx(worker), b, NOW).id).toBe(b);
    expect(() => buildingDetail(s.ctx(worker), s.other.buildings[0]!, NOW)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
