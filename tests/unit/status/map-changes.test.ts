import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client/open';
import { ServiceHost } from '../../../db/host';
import { bulkSetStatus } from '../../../db/buildings/status/bulk';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { undoBatch } from '../../../db/buildings/status/undo';
import { mapLayers } from '../../../db/map/layers';
import { mapChangesSince } from '../../../db/map/changes';
import { mapRevision, recordMapChange } from '../../../db/map/revision';
import { DAY, HOUR, LEADER, NOW, openStreet, STAFF, STAFF2, type Street } from './fixture';

let s: Street;
beforeAll(() => {
  s = openStreet();
});
afterAll(() => s.close());

const changed = (revision: number, actor = LEADER) => mapChangesSince(s.ctx(actor), { revision });

describe('the map revision', () => {
  it('starts at 0, is what map.layers reports, and each change that writes is the next one', () => {
    expect(mapRevision(s.sqlite)).toBe(0);
    expect(mapLayers(s.ctx(LEADER)).revision).toBe(0);
    const [a, b] = s.t.buildings as [string, string];
    const one = setBuildingStatus(s.ctx(), { id: a, status: 'sealed', reason: '发现确诊病例' }, NOW);
    expect(mapRevision(s.sqlite)).toBe(1);
    expect(s.events.at(-1)).toEqual({ event: 'map.changed', payload: { revision: 1, batchId: one.batchId, statuses: { sealed: [a] } } });
    // The same status and end again writes nothing, so it is no new revision.
    setBuildingStatus(s.ctx(), { id: a, status: 'sealed', reason: '再次确认' }, NOW + 1);
    expect(mapRevision(s.sqlite)).toBe(1);
    bulkSetStatus(s.ctx(), { status: 'precaution', reason: '防范', selection: { kind: 'buildings', ids: [a, b] } }, NOW + 2);
    expect(mapLayers(s.ctx(LEADER)).revision).toBe(2);
  });

  it('goes on in one sequence across connections to the file, and survives reopening it', () => {
    const before = mapRevision(s.sqlite);
    const id = s.t.buildings[2]!;
    const second = new ServiceHost(openDatabase({ file: s.file }));
    try {
      setBuildingStatus(second.context(STAFF2), { id, status: 'sealed', reason: '乙：封控' }, NOW + HOUR);
      setBuildingStatus(s.ctx(STAFF), { id, status: 'normal', reason: '甲：解除' }, NOW + HOUR + 1);
      expect(mapRevision(second.opened.sqlite)).toBe(before + 2);
    } finally {
      second.close();
    }
    const reopened = openDatabase({ file: s.file });
    try {
      expect(mapRevision(reopened.sqlite)).toBe(before + 2);
    } finally {
      reopened.close();
    }
  });

  it('rolls back with the change that failed', () => {
    const before = mapRevision(s.sqlite);
    expect(() =>
      s.sqlite.transaction(() => {
        recordMapChange(s.sqlite, [s.t.buildings[0]!]);
        throw new Error('boom');
      })(),
    ).toThrow('boom');
    expect(mapRevision(s.sqlite)).toBe(before);
    expect(() => recordMapChange(s.sqlite, [s.t.buildings[0]!])).toThrow(/inside the transaction/);
  });
});

describe('map.changesSince', () => {
  it('lists every building changed after a revision once, with the status it has now', () => {
    const [a, b, c] = s.t.buildings as [string, string, string];
    const start = mapRevision(s.sqlite);
    setBuildingStatus(s.ctx(), { id: a, status: 'sealed', reason: '封控' }, NOW + DAY);
    const bulk = bulkSetStatus(s.ctx(), { status: 'controlled', reason: '管控', selection: { kind: 'buildings', ids: [a, b] } }, NOW + DAY + 1);
    expect(changed(start)).toEqual({ revision: start + 2, statuses: { controlled: [a, b].sort() } });
    expect(changed(start + 1)).toEqual({ revision: start + 2, statuses: { controlled: [a, b].sort() } });
    expect(changed(start + 2)).toEqual({ revision: start + 2, statuses: {} });
    undoBatch(s.ctx(), { batchId: bulk.batchId }, NOW + DAY + 2);
    setBuildingStatus(s.ctx(), { id: c, status: 'precaution', reason: '防范' }, NOW + DAY + 3);
    const after = changed(start + 2);
    expect(after.revision).toBe(start + 4);
    expect(after.statuses).toEqual({ sealed: [a], precaution: expect.arrayContaining([b, c]) });
    // What it lists agrees with the map a window would load now.
    const map = mapLayers(s.ctx(LEADER)).buildings;
    for (const [status, ids] of Object.entries(after.statuses!)) for (const id of ids) expect(map.statuses[map.ids.indexOf(id)]).toBe(status);
  });

  it('gives a grid worker only the buildings of their grids', () => {
    const start = mapRevision(s.sqlite);
    bulkSetStatus(s.ctx(), { status: 'sealed', reason: '封控', selection: { kind: 'buildings', ids: [s.t.buildings[4]!, s.other.buildings[0]!] } }, NOW + 2 * DAY);
    expect(changed(start, s.worker)).toEqual({ revision: start + 1, statuses: { sealed: [s.t.buildings[4]!] } });
    expect(changed(start)).toEqual({ revision: start + 1, statuses: { sealed: [s.t.buildings[4]!, s.other.buildings[0]!].sort() } });
  });

  it('asks for a reload (null) for a revision this database never reached, and when more changed than is worth sending', () => {
    const now = mapRevision(s.sqlite);
    expect(changed(now + 5)).toEqual({ revision: now, statuses: null });
    const all = changed(0).statuses!;
    const count = Object.values(all).flat().length;
    expect(mapChangesSince(s.ctx(LEADER), { revision: 0 }, count)).toEqual({ revision: now, statuses: all });
    expect(mapChangesSince(s.ctx(LEADER), { revision: 0 }, count - 1)).toEqual({ revision: now, statuses: null });
  });
});
