import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addressInitials } from '../../../db/buildings/initials';
import { listBuildings, type BuildingListInput } from '../../../db/buildings/list';
import type { Actor } from '../../../db/auth/roles';
import { addHousehold, addIncidentRow, addNeedRow, addResident, addTag, DAY, grantSafeCompound, openStreet, type Street } from './fixture';

const NOW = 1_790_000_000_000;
let s: Street;
let zs: string[];
let dx: string[];

const list = (input: Partial<BuildingListInput>, actor?: Actor) =>
  listBuildings(s.ctx(actor), { filter: {}, sort: { key: 'address', order: 'asc' }, page: 1, pageSize: 50, ...input }, NOW);
const ids = (input: Partial<BuildingListInput>, actor?: Actor) => list(input, actor).rows.map((r) => r.id);

beforeEach(() => {
  s = openStreet();
  zs = s.territory.buildings;
  dx = s.other.buildings;
  const { sqlite } = s;
  // 中山路 1号楼: 3 floating residents, one in home observation now; 2号楼: observation ended; 大学路 2号楼: isolation now
  const h = addHousehold(sqlite, zs[0]!, '1单元101', { registration: 'floating' });
  const r = [1, 2, 3].map(() => addResident(sqlite, h, zs[0]!, { registration: 'floating' }));
  addTag(sqlite, r[0]!, zs[0]!, 'home_observation', NOW - DAY, NOW + 6 * DAY);
  addTag(sqlite, r[1]!, zs[0]!, 'elderly_alone');
  const h2 = addHousehold(sqlite, zs[1]!, '1单元201');
  addTag(sqlite, addResident(sqlite, h2, zs[1]!), zs[1]!, 'home_observation', NOW - 20 * DAY, NOW - 6 * DAY);
  const h3 = addHousehold(sqlite, dx[1]!, '3单元301');
  const i1 = addResident(sqlite, h3, dx[1]!);
  const i2 = addResident(sqlite, h3, dx[1]!, { registration: 'floating' });
  addTag(sqlite, i1, dx[1]!, 'isolation', NOW - 2 * DAY, NOW + 12 * DAY);
  addTag(sqlite, i2, dx[1]!, 'isolation', NOW - 2 * DAY, NOW + 12 * DAY);
  addNeedRow(sqlite, zs[2]!, NOW - DAY);
  addNeedRow(sqlite, zs[2]!, NOW - 2 * DAY);
  addNeedRow(sqlite, zs[3]!, NOW - 3 * DAY, NOW - DAY);
  addNeedRow(sqlite, dx[0]!, NOW - DAY);
  addIncidentRow(sqlite, zs[4]!, NOW - DAY);
  addIncidentRow(sqlite, zs[4]!, NOW - 9 * DAY, NOW - 8 * DAY);
  grantSafeCompound(sqlite, s.other.compound, NOW - 50 * DAY);
});
afterEach(() => s.close());

describe('buildings.list', () => {
  it('gives every building with its counts, sorted by address, and the total', () => {
    const page = list({});
    expect(page.total).toBe(8);
    expect(page.rows.map((r) => r.address)).toEqual([...page.rows.map((r) => r.address)].sort());
    const first = page.rows.find((r) => r.id === zs[0])!;
    expect(first).toMatchObject({
      name: '1号楼', compoundName: '26号院', communityName: '永安西里社区', gridName: '第1网格', status: 'controlled', statusUntil: null,
      safeCompound: false, households: 24, residents: 62, floating: 3, openNeeds: 0, openIncidents: 0,
      tags: { home_observation: 1, isolation: 0, elderly_alone: 1, disabled: 0, returnee: 0 },
    });
    expect(page.rows.find((r) => r.id === zs[1])!.tags.home_observation).toBe(0);
    expect(page.rows.find((r) => r.id === zs[2])!.openNeeds).toBe(2);
    expect(page.rows.find((r) => r.id === zs[4])!.openIncidents).toBe(1);
    expect(page.rows.find((r) => r.id === dx[0])).toMatchObject({ safeCompound: true, status: 'sealed' });
  });

  it('filters by status, community, grid, tag, 放心楼院 and open needs', () => {
    expect(ids({ filter: { statuses: ['sealed', 'precaution'] } })).toEqual([dx[0], dx[2]]);
    expect(new Set(ids({ filter: { communityId: s.other.community } }))).toEqual(new Set(dx));
    expect(new Set(ids({ filter: { gridIds: [s.territory.grid] } }))).toEqual(new Set(zs));
    expect(ids({ filter: { tag: 'home_observation' } })).toEqual([zs[0]]);
    expect(ids({ filter: { tag: 'isolation' } })).toEqual([dx[1]]);
    expect(ids({ filter: { tag: 'disabled' } })).toEqual([]);
    expect(new Set(ids({ filter: { safeCompound: true } }))).toEqual(new Set(dx));
    expect(list({ filter: { safeCompound: false } }).total).toBe(5);
    expect(new Set(ids({ filter: { hasOpenNeeds: true } }))).toEqual(new Set([zs[2], dx[0]]));
    expect(list({ filter: { hasOpenNeeds: false } }).total).toBe(6);
    expect(ids({ filter: { communityId: s.other.community, statuses: ['normal'] } })).toEqual([dx[1]]);
  });

  it('finds addresses by a part of them or by their pinyin initials, filling missing initials first', () => {
    expect(s.sqlite.prepare(`SELECT count(*) FROM buildings WHERE address_initials = ''`).pluck().get()).toBe(8);
    expect(list({ filter: { search: 'zsl' } }).total).toBe(5);
    expect(s.sqlite.prepare(`SELECT count(*) FROM buildings WHERE address_initials = ''`).pluck().get()).toBe(0);
    expect(s.sqlite.prepare('SELECT address_initials FROM buildings WHERE id = ?').pluck().get(zs[0])).toBe(addressInitials('中山路街道 永安西里社区 26号院 1号楼'));
    expect(addressInitials('中山路12号')).toBe('zsl12h');
    expect(ids({ filter: { search: 'DXL' } })).toEqual(dx);
    expect(ids({ filter: { search: 'ysxq 2h' } })).toEqual([dx[1]]);
    expect(ids({ filter: { search: '鱼山小区 3号' } })).toEqual([dx[2]]);
    expect(list({ filter: { search: '26号院' } }).total).toBe(5);
    expect(list({ filter: { search: '%' } }).total).toBe(0);
    expect(list({ filter: { search: 'qdl' } }).total).toBe(0);
  });

  it('sorts by counts and status with ties broken by address, in both directions', () => {
    expect(ids({ sort: { key: 'residents', order: 'desc' } })[0]).toBe(dx[2]);
    expect(ids({ sort: { key: 'residents', order: 'asc' } })[0]).toBe(dx[0]);
    const byResidents = list({ sort: { key: 'residents', order: 'desc' } }).rows.map((r) => r.residents);
    expect(byResidents).toEqual([...byResidents].sort((a, b) => b - a));
    expect(ids({ sort: { key: 'floating', order: 'desc' } }).slice(0, 2)).toEqual([zs[0], dx[1]]);
    expect(ids({ sort: { key: 'openNeeds', order: 'desc' } }).slice(0, 2)).toEqual([zs[2], dx[0]]);
    expect(ids({ sort: { key: 'isolation', order: 'desc' } })[0]).toBe(dx[1]);
    expect(ids({ sort: { key: 'home_observation', order: 'desc' } })[0]).toBe(zs[0]);
    expect(ids({ sort: { key: 'status', order: 'desc' } })[0]).toBe(dx[0]);
    const asc = list({ sort: { key: 'status', order: 'asc' } }).rows.map((r) => r.status);
    expect(asc.slice(0, 1)).toEqual(['normal']);
    const since = list({ sort: { key: 'statusSince', order: 'asc' } }).rows.map((r) => r.statusSince);
    expect(since).toEqual([...since].sort((a, b) => a - b));
    // equal keys: by address
    const tied = list({ filter: { gridIds: [s.territory.grid] }, sort: { key: 'households', order: 'desc' } }).rows.map((r) => r.address);
    expect(tied).toEqual([...tied].sort());
  });

  it('re-counts floating residents for sorting once anything changes', () => {
    expect(ids({ sort: { key: 'floating', order: 'desc' } }).slice(0, 2)).toEqual([zs[0], dx[1]]);
    const h = addHousehold(s.sqlite, dx[2]!, '1单元101', { registration: 'floating' });
    for (let i = 0; i < 4; i++) addResident(s.sqlite, h, dx[2]!, { registration: 'floating' });
    expect(ids({ sort: { key: 'floating', order: 'desc' } }).slice(0, 3)).toEqual([dx[2], zs[0], dx[1]]);
    expect(ids({ sort: { key: 'floating', order: 'asc' } }).slice(-3)).toEqual([dx[1], zs[0], dx[2]]);
    expect(list({ sort: { key: 'floating', order: 'desc' }, page: 2, pageSize: 3 }).rows.map((r) => r.floating)).toEqual([0, 0, 0]);
    s.sqlite.prepare(`UPDATE residents SET deleted = 1 WHERE household_id = ?`).run(h);
    expect(ids({ sort: { key: 'floating', order: 'desc' } })[0]).toBe(zs[0]);
  });

  it('pages stably: every building once, the total on every page', () => {
    const all = ids({ sort: { key: 'openNeeds', order: 'desc' } });
    const pages = [1, 2, 3].map((page) => list({ sort: { key: 'openNeeds', order: 'desc' }, page, pageSize: 3 }));
    expect(pages.map((p) => p.total)).toEqual([8, 8, 8]);
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 2]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all);
    expect(list({ page: 9, pageSize: 10 })).toEqual({ rows: [], total: 8 });
  });

  it('shows a grid worker only their grids and refuses other grids', () => {
    const worker: Actor = { id: 'w', name: '网格员小王', role: 'grid_worker', gridIds: [s.territory.grid], seesPersonalData: false };
    expect(new Set(ids({}, worker))).toEqual(new Set(zs));
    expect(list({ filter: { search: 'dxl' } }, worker).total).toBe(0);
    expect(() => list({ filter: { gridIds: [s.other.grid] } }, worker)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('names the field when a community, grid or status does not exist', () => {
    const ghost = '01900000-0000-7000-8000-00000000dead';
    expect(() => list({ filter: { communityId: ghost } })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', field: 'filter.communityId' }));
    expect(() => list({ filter: { gridIds: [s.territory.grid, ghost] } })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', field: 'filter.gridIds' }));
    expect(() => list({ filter: { statuses: ['lockdown'] } })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', field: 'filter.statuses' }));
  });
});
