import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../db/auth/roles';
import { searchAll } from '../../../db/search';
import { addHousehold, addResident, ANALYST, LEADER, openStreet, STAFF, type Street } from '../buildings/fixture';

let s: Street;
const find = (text: string, actor: Actor = STAFF, limit = 8) => searchAll(s.ctx(actor), { text, limit });
const workerOf = (grids: string[]): Actor => ({ id: 'acc-grid', name: '网格员小王', role: 'grid_worker', gridIds: grids, seesPersonalData: false });

beforeEach(() => {
  s = openStreet();
  const { sqlite, territory, other } = s;
  const h1 = addHousehold(sqlite, territory.buildings[0]!, '1单元101');
  addResident(sqlite, h1, territory.buildings[0]!, { name: '张建国', phone: '13812345678' });
  addResident(sqlite, h1, territory.buildings[0]!, { name: '张秀英', phone: '13900001111' });
  const h2 = addHousehold(sqlite, other.buildings[1]!, '2单元202');
  addResident(sqlite, h2, other.buildings[1]!, { name: '张伟', phone: '15055665678' });
  addResident(sqlite, h2, other.buildings[1]!, { name: '李强', phone: '0532-8288 5678', deleted: true });
});
afterEach(() => s.close());

describe('search.all', () => {
  it('finds buildings by the pinyin initials of what tells them apart, never by the street every address starts with', () => {
    // Every address of this street starts with 中山路街道 (zsljd): `zsl` finds none of its buildings.
    expect(find('zsl').buildings.total).toBe(0);
    const byInitials = find('yaxl');
    expect(byInitials.buildings.total).toBe(5);
    expect(byInitials.buildings.items[0]).toMatchObject({ label: '永安西里社区 26号院 1号楼', gridName: '永安西里社区 · 第1网格', status: 'controlled' });
    expect(find('26hy5hl').buildings.items.map((b) => b.id)).toEqual([s.territory.buildings[4]]);
    // An address of another street keeps its own start.
    expect(find('dxljd').buildings.items.map((b) => b.id)).toEqual(s.other.buildings);
    expect(find('26号院 3号楼').buildings.items.map((b) => b.id)).toEqual([s.territory.buildings[2]]);
    expect(find('26号院').buildings.total).toBe(5);
  });

  it('names a grid with its community, and gives areas their buildings and the box to fit', () => {
    const grid = find('第1网格').grids;
    expect(grid.items.map((g) => g.name)).toEqual(['永安西里社区 · 第1网格', '大学路社区 · 大学路第1网格']);
    expect(find('yaxlsqd1').grids.items.map((g) => g.name)).toEqual(['永安西里社区 · 第1网格']);
    expect(grid.items[0]).toMatchObject({ kind: 'grid', id: s.territory.grid, within: '永安西里社区', buildings: 5, bounds: [[36.06, 120.37], [36.07, 120.38]] });
    expect(find('yaxlsq').communities.items).toMatchObject([{ kind: 'community', id: s.territory.community, name: '永安西里社区', within: '中山路街道', buildings: 5 }]);
    const compound = find('鱼山').compounds.items;
    expect(compound).toMatchObject([{ kind: 'compound', id: s.other.compound, name: '鱼山小区', within: '大学路社区 · 大学路第1网格', buildings: 3 }]);
    expect(compound[0]!.bounds).toEqual([[36.0615, 120.3915], [36.0615, 120.3915]]);
    expect(find('ysxq').compounds.total).toBe(1);
  });

  it('finds residents by the start of their name or the end of their phone, masked, never deleted ones', () => {
    const byName = find('张').residents!;
    expect(byName.items.map((r) => r.name)).toEqual(['张伟', '张建国', '张秀英']);
    const tail = find('5678').residents!;
    expect(tail.total).toBe(2);
    expect(tail.items).toMatchObject([
      { name: '张伟', phone: '150****5678', buildingId: s.other.buildings[1], room: '2单元202', address: '大学路街道 大学路社区 鱼山小区 2号楼' },
      { name: '张建国', phone: '138****5678', buildingId: s.territory.buildings[0], room: '1单元101' },
    ]);
    expect(JSON.stringify(tail)).not.toContain('13812345678');
    expect(find('12345678').residents!.items.map((r) => r.name)).toEqual(['张建国']);
    expect(find('138 1234 5678').residents!.total).toBe(1);
  });

  it('keeps the phone lookup current with writes on this connection and on another one', () => {
    expect(find('4321').residents!.total).toBe(0);
    const h = addHousehold(s.sqlite, s.territory.buildings[1]!, '3单元301');
    const id = addResident(s.sqlite, h, s.territory.buildings[1]!, { name: '王芳', phone: '18600004321' });
    expect(find('4321').residents!.items.map((r) => r.id)).toEqual([id]);
    s.sqlite.prepare(`UPDATE residents SET phone = '18600009999' WHERE id = ?`).run(id);
    expect(find('4321').residents!.total).toBe(0);
    expect(find('9999').residents!.items.map((r) => r.id)).toEqual([id]);
    // A job thread writes on its own connection: no trigger of ours sees it, the commit does.
    const other = new Database(s.sqlite.name);
    const h2 = addHousehold(other, s.territory.buildings[2]!, '1单元102');
    const fromJob = addResident(other, h2, s.territory.buildings[2]!, { name: '赵敏', phone: '13700007777' });
    other.close();
    expect(find('7777').residents!.items.map((r) => r.id)).toEqual([fromJob]);
  });

  it('limits a grid worker to their grids, masks phones for everyone and leaves residents out for accounts that may not see them', () => {
    const worker = workerOf([s.other.grid]);
    const mine = find('张', worker);
    expect(mine.residents!.items.map((r) => r.name)).toEqual(['张伟']);
    expect(find('yaxl', worker).buildings.total).toBe(0);
    expect(find('第1网格', worker).grids.items.map((g) => g.id)).toEqual([s.other.grid]);
    expect(find('社区', worker).communities.items.map((c) => c.id)).toEqual([s.other.community]);
    expect(find('26号院', worker).compounds.total).toBe(0);
    // 领导 sees residents, masked as everywhere; 数据专员 (no 「查看人员」) gets none at all.
    expect(find('5678', LEADER).residents!.items.map((r) => r.phone)).toEqual(['150****5678', '138****5678']);
    expect(find('5678', ANALYST).residents).toBeNull();
    expect(find('张', ANALYST).buildings.total).toBe(0);
  });

  it('shows the first few of each kind and counts them all', () => {
    const few = find('yaxl', STAFF, 2);
    expect(few.buildings.items).toHaveLength(2);
    expect(few.buildings.total).toBe(5);
    expect(find('100%_').buildings.total).toBe(0);
  });
});
