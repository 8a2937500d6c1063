import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildingHouseholds } from '../../../db/buildings/households';
import type { Actor } from '../../../db/auth/roles';
import { addHousehold, addResident, addTag, addUnit, ANALYST, LEADER, openStreet, type Street } from './fixture';

let s: Street;
let b: string;

beforeEach(() => {
  s = openStreet();
  b = s.territory.buildings[0]!;
  const { sqlite } = s;
  const u1 = addUnit(sqlite, b, 1);
  const u2 = addUnit(sqlite, b, 2);
  const h1001 = addHousehold(sqlite, b, '2单元1001', { unit: u2 });
  const h301 = addHousehold(sqlite, b, '2单元301', { unit: u2, registration: 'floating' });
  const h102 = addHousehold(sqlite, b, '1单元102', { unit: u1 });
  addHousehold(sqlite, b, '车库1号');
  const child = addResident(sqlite, h102, b, { name: '刘小明', relation: 'child', phone: null, idNumber: null });
  const head = addResident(sqlite, h102, b, { name: '刘国庆', phone: '13705321234', idNumber: '370202195810011238' });
  addResident(sqlite, h102, b, { name: '已搬走', deleted: true });
  addResident(sqlite, h301, b, { name: '孙立平', registration: 'floating', relation: 'tenant' });
  addResident(sqlite, h1001, b, { name: '赵建华' });
  addTag(sqlite, head, b, 'elderly_alone');
  addTag(sqlite, child, b, 'home_observation', 1_790_000_000_000, 1_790_600_000_000);
});
afterEach(() => s.close());

describe('buildings.households', () => {
  it('lists households by unit then room, residents with masked ID numbers and phones and their groups', () => {
    const list = buildingHouseholds(s.ctx(LEADER), b);
    expect(list.map((h) => [h.unitNumber, h.room])).toEqual([
      [1, '1单元102'],
      [2, '2单元301'],
      [2, '2单元1001'],
      [null, '车库1号'],
    ]);
    const [first] = list;
    expect(first!.residents.map((r) => r.name)).toEqual(['刘国庆', '刘小明']);
    expect(first!.residents[0]).toMatchObject({ idNumber: '3702**********1238', phone: '137****1234', relation: 'head', tags: [{ tag: 'elderly_alone', startsOn: null, endsOn: null }] });
    expect(first!.residents[1]).toMatchObject({ idNumber: null, phone: null, tags: [{ tag: 'home_observation', startsOn: 1_790_000_000_000, endsOn: 1_790_600_000_000 }] });
    expect(list[1]).toMatchObject({ registration: 'floating', residents: [{ name: '孙立平', registration: 'floating' }] });
    expect(list[3]!.residents).toEqual([]);
    expect(JSON.stringify(list)).not.toContain('13705321234');
  });

  it('needs people.read, and a grid worker’s own grid', () => {
    expect(() => buildingHouseholds(s.ctx(ANALYST), b)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    const worker: Actor = { id: 'w', name: '网格员小王', role: 'grid_worker', gridIds: [s.territory.grid], seesPersonalData: false };
    expect(buildingHouseholds(s.ctx(worker), b)).toHaveLength(4);
    expect(() => buildingHouseholds(s.ctx(worker), s.other.buildings[0]!)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => buildingHouseholds(s.ctx(LEADER), '01900000-0000-7000-8000-00000000dead')).toThrow(expect.objectContaining({ code: 'NOT_FOUND', field: 'id' }));
  });
});
