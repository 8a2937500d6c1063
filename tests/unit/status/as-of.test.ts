import type Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildingStatusAt, statusAsOf } from '../../../db/buildings/status/as-of';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { mapLayers } from '../../../db/map/layers';
import { formatHlc } from '../../../db/sync/hlc';
import { uuidv7 } from '../../../db/sync/ids';
import { DAY, expectRefused, GHOST, HOUR, LEADER, NOW, openStreet, type Street } from './fixture';

let s: Street;
let serial = 0;

/** One hand-made history entry. */
function entry(sqlite: Database.Database, building: string, status: string, effectiveFrom: number, changedAt: number, until: number | null = null) {
  serial += 1;
  sqlite
    .prepare(
      `INSERT INTO building_status_history (id, hlc, origin, building_id, status, previous_status, reason, changed_by, changed_at, effective_from, effective_until)
       VALUES (?, ?, 'test', ?, ?, NULL, '手工历史', '测试', ?, ?, ?)`,
    )
    .run(uuidv7(changedAt), formatHlc({ wall: changedAt, counter: serial, node: 'test' }), building, status, changedAt, effectiveFrom, until);
}

const T = NOW - 30 * DAY;

beforeEach(() => {
  s = openStreet();
  const [x, y, z] = s.other.buildings as [string, string, string];
  // x: precaution from T, sealed from T+2d until T+5d (expiry alone changes nothing), normal from T+10d.
  entry(s.sqlite, x, 'precaution', T, T);
  entry(s.sqlite, x, 'sealed', T + 2 * DAY, T + 2 * DAY, T + 5 * DAY);
  entry(s.sqlite, x, 'normal', T + 10 * DAY, T + 10 * DAY);
  // y: controlled from T+1d, but only recorded at T+4d (a decision written down later).
  entry(s.sqlite, y, 'controlled', T + DAY, T + 4 * DAY);
  // y: two entries with the same effective time: the one recorded later wins.
  entry(s.sqlite, y, 'sealed', T + 6 * DAY, T + 6 * DAY);
  entry(s.sqlite, y, 'precaution', T + 6 * DAY, T + 6 * DAY + HOUR);
  // z has no history: baseline throughout.
  void z;
});
afterEach(() => s.close());

function statusesOf(at: number) {
  const { statuses } = statusAsOf(s.ctx(LEADER), { at });
  const { buildings } = mapLayers(s.ctx(LEADER));
  expect(Object.keys(statuses).sort()).toEqual([...buildings.ids].sort());
  return statuses;
}

describe('map.statusAsOf', () => {
  it('gives each building the status of its latest entry in effect and recorded by then', () => {
    const [x, y, z] = s.other.buildings as [string, string, string];
    const at = (t: number) => {
      const m = statusesOf(t);
      return [m[x], m[y], m[z]];
    };
    expect(at(T - DAY)).toEqual(['normal', 'normal', 'normal']);
    expect(at(T + DAY + HOUR)).toEqual(['precaution', 'normal', 'normal']);
    expect(at(T + 3 * DAY)).toEqual(['sealed', 'normal', 'normal']);
    expect(at(T + 4 * DAY)).toEqual(['sealed', 'controlled', 'normal']);
    expect(at(T + 7 * DAY)).toEqual(['sealed', 'precaution', 'normal']);
    expect(at(T + 6 * DAY + 30 * 60_000)).toEqual(['sealed', 'sealed', 'normal']);
    expect(at(T + 11 * DAY)).toEqual(['normal', 'precaution', 'normal']);
  });

  it('covers the buildings of map.layers by id, and the mini territory’s buildings follow their own history', () => {
    const now = statusesOf(NOW);
    for (const id of s.t.buildings) expect(now[id]).toBe('controlled');
    expect(statusesOf(1_600_000_000_000)[s.t.buildings[0]!]).toBe('normal');
    expect(statusAsOf(s.ctx(LEADER), { at: NOW }).at).toBe(NOW);
  });

  it('follows changes made through the service, and a decision recorded later only from when it was recorded', () => {
    const id = s.t.buildings[0]!;
    setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '补录昨日决定', effectiveFrom: NOW - DAY }, NOW);
    expect(statusesOf(NOW - HOUR)[id]).toBe('controlled');
    expect(statusesOf(NOW)[id]).toBe('sealed');
  });

  it('limits a grid worker to their grids, in the same order as their map', () => {
    setBuildingStatus(s.ctx(), { id: s.t.buildings[0]!, status: 'sealed', reason: '发现确诊病例' }, NOW - HOUR);
    const mine = statusAsOf(s.ctx(s.worker), { at: NOW });
    const layers = mapLayers(s.ctx(s.worker));
    expect(layers.buildings.ids).toEqual([...s.t.buildings].sort());
    expect(Object.keys(mine.statuses).sort()).toEqual(layers.buildings.ids);
    expect(mine.statuses[s.t.buildings[0]!]).toBe('sealed');
  });
});

describe('buildings.statusAt', () => {
  it('gives one building its status then, since when and until when, as the map paints it', () => {
    const [x, y, z] = s.other.buildings as [string, string, string];
    const at = (id: string, t: number) => buildingStatusAt(s.ctx(LEADER), { id, at: t });
    expect(at(x, T + 3 * DAY)).toEqual({ at: T + 3 * DAY, status: 'sealed', since: T + 2 * DAY, until: T + 5 * DAY });
    expect(at(x, T + DAY)).toEqual({ at: T + DAY, status: 'precaution', since: T, until: null });
    expect(at(x, T + 11 * DAY)).toMatchObject({ status: 'normal', since: T + 10 * DAY });
    // Recorded later: before it was written down, the building still showed its earlier status.
    expect(at(y, T + 2 * DAY)).toMatchObject({ status: 'normal', since: null });
    expect(at(y, T + 5 * DAY)).toMatchObject({ status: 'controlled', since: T + DAY });
    for (const t of [T - DAY, T + 3 * DAY, T + 7 * DAY, T + 11 * DAY]) {
      const map = statusAsOf(s.ctx(LEADER), { at: t }).statuses;
      for (const id of [x, y, z]) expect(at(id, t).status).toBe(map[id]);
    }
  });

  it('differs from the building today, and refuses an unknown building and another grid for a grid worker', () => {
    const id = s.t.buildings[0]!;
    setBuildingStatus(s.ctx(), { id, status: 'sealed', reason: '发现确诊病例' }, NOW);
    expect(buildingStatusAt(s.ctx(LEADER), { id, at: NOW - HOUR }).status).toBe('controlled');
    expect(buildingStatusAt(s.ctx(LEADER), { id, at: NOW })).toMatchObject({ status: 'sealed', since: NOW });
    expectRefused(s, () => buildingStatusAt(s.ctx(LEADER), { id: GHOST, at: NOW }), 'NOT_FOUND', 'id');
    expectRefused(s, () => buildingStatusAt(s.ctx(s.worker), { id: s.other.buildings[0]!, at: NOW }), 'FORBIDDEN');
  });
});
