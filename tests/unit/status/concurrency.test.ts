import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client/open';
import { ServiceHost } from '../../../db/host';
import { buildingHistory } from '../../../db/buildings/status/history';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { bulkSetStatus } from '../../../db/buildings/status/bulk';
import { building, HOUR, NOW, openStreet, STAFF, STAFF2, type Street } from './fixture';

let s: Street;
let second: ServiceHost;
beforeAll(() => {
  s = openStreet();
  second = new ServiceHost(openDatabase({ file: s.file }));
});
afterAll(() => {
  second.close();
  s.close();
});

describe('two staff changing the same building at once (two connections to one file)', () => {
  it('keeps both changes in landing order and the later one current', () => {
    const id = s.t.buildings[0]!;
    setBuildingStatus(s.ctx(STAFF), { id, status: 'sealed', reason: '甲：封控' }, NOW);
    setBuildingStatus(second.context(STAFF2), { id, status: 'precaution', reason: '乙：防范' }, NOW);
    const history = buildingHistory(s.ctx(), { id });
    expect(history.slice(0, 2).map((h) => [h.changedBy, h.status, h.previousStatus])).toEqual([
      ['值班员小赵', 'precaution', 'sealed'],
      ['值班员小李', 'sealed', 'controlled'],
    ]);
    expect(building(s.sqlite, id).status).toBe('precaution');
  });

  it('orders a change landing later after the earlier one even when its clock runs behind', () => {
    const id = s.t.buildings[1]!;
    setBuildingStatus(s.ctx(STAFF), { id, status: 'sealed', reason: '甲：封控' }, NOW + HOUR);
    // The second connection's clock is a minute behind, but it lands after the first.
    bulkSetStatus(second.context(STAFF2), { status: 'normal', reason: '乙：解除', selection: { kind: 'buildings', ids: [id, s.t.buildings[2]!] } }, NOW + HOUR - 60_000);
    const history = buildingHistory(second.context(STAFF2), { id });
    expect(history[0]).toMatchObject({ changedBy: '值班员小赵', status: 'normal', previousStatus: 'sealed', changedAt: NOW + HOUR });
    expect(history[1]).toMatchObject({ changedBy: '值班员小李', status: 'sealed' });
    const rows = s.sqlite.prepare('SELECT hlc FROM building_status_history WHERE building_id = ? ORDER BY changed_at DESC, hlc DESC LIMIT 2').pluck().all(id) as string[];
    expect(rows[0]! > rows[1]!).toBe(true);
    expect(building(s.sqlite, id).status).toBe('normal');
  });

  it('interleaves many changes from both connections without losing one', () => {
    const id = s.t.buildings[3]!;
    const statuses = ['sealed', 'controlled', 'precaution', 'normal'];
    for (let i = 0; i < 12; i++) {
      const [ctx, actor] = i % 2 ? [second.context(STAFF2), '乙'] : [s.ctx(STAFF), '甲'];
      setBuildingStatus(ctx, { id, status: statuses[i % 4]!, reason: `${actor}第${i}次` }, NOW + 2 * HOUR + (i % 3) * 1000);
    }
    const history = buildingHistory(s.ctx(), { id }).slice(0, 12).reverse();
    expect(history.map((h) => h.reason)).toEqual(Array.from({ length: 12 }, (_, i) => `${i % 2 ? '乙' : '甲'}第${i}次`));
    for (let i = 1; i < 12; i++) expect(history[i]!.previousStatus).toBe(history[i - 1]!.status);
    expect(building(second.opened.sqlite, id).status).toBe(statuses[11 % 4]);
  });
});
