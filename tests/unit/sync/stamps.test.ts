import { afterAll, describe, expect, it } from 'vitest';
import { ensureAddressInitials } from '../../../db/buildings/address-search';
import { bulkSetStatus } from '../../../db/buildings/status/bulk';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { undoBatch } from '../../../db/buildings/status/undo';
import { designateSafeCompound } from '../../../db/compounds/safe-designate';
import { revokeSafeCompound } from '../../../db/compounds/safe-revoke';
import { createRequest } from '../../../db/requests/create';
import { recordEscalations } from '../../../db/requests/escalate';
import { acceptRequest, resolveRequest } from '../../../db/requests/transitions';
import { closeRound } from '../../../db/screening/close';
import { startRound } from '../../../db/screening/start';
import { recordVisit } from '../../../db/screening/visit';
import { saveStatus } from '../../../db/statuses/save';
import { changesSince, type ChangeCursor } from '../../../db/sync/changes';
import { HLC_RE } from '../../../db/sync/hlc';
import { UUID_RE } from '../../../db/sync/ids';
import { travellingTables, type TravellingName } from '../../../db/sync/registry';
import { ADMIN } from '../helpers/actors';
import { addHousehold, addResident, openStreet } from '../buildings/fixture';

const s = openStreet();
afterAll(() => s.close());

/** Every row of every travelling table, by table and id. */
function everyRow(): Map<TravellingName, Map<string, string>> {
  return new Map(
    travellingTables.map(({ name }) => {
      const rows = s.sqlite.prepare(`SELECT * FROM ${name}`).all() as { id: string }[];
      return [name, new Map(rows.map((r) => [r.id, JSON.stringify(r)]))];
    }),
  );
}

function changedIds(table: TravellingName, since: string): string[] {
  const ids: string[] = [];
  let cursor: string | ChangeCursor | null = since;
  while (cursor) {
    const page = changesSince(s.sqlite, table, cursor, { limit: 7 });
    ids.push(...page.rows.map((r) => r.id as string));
    cursor = page.next;
  }
  return ids;
}

const [b0, b1] = s.territory.buildings;
const household = addHousehold(s.sqlite, b0!, '1单元101');
addResident(s.sqlite, household, b0!, { name: '刘国庆' });
addHousehold(s.sqlite, b1!, '1单元102');

const now = Date.now();
const made = { batchId: '', needId: '', incidentId: '', safeId: '', roundId: '' };

/** The services that add travelling rows, each once. */
function addRows(): void {
  bulkSetStatus(s.ctx(), { status: 'precaution', reason: '周边出现病例', selection: { kind: 'grid', id: s.territory.grid } }, now);
  made.batchId = setBuildingStatus(s.ctx(), { id: b1!, status: 'sealed', reason: '发现密接' }, now + 1).batchId;
  made.needId = createRequest(s.ctx(), { buildingId: b0!, householdId: household, kind: 'medicine', title: '降压药', source: 'hotline', requester: '刘国庆', level: 'community' }, now).id;
  made.incidentId = createRequest(s.ctx(), { buildingId: b0!, kind: 'facility', title: '楼顶防水层被风掀开', source: 'photo', level: 'higher' }, now).id;
  made.safeId = designateSafeCompound(s.ctx(), { compoundId: s.other.compound, grantedAt: now - 1000, criteria: ['无疫情', '自治组织健全'] }, now).id;
  saveStatus(s.ctx(ADMIN), { key: 'watch', label: '观察', labelEn: 'Watch', color: '#1677FF', rank: 15, retired: false });
  made.roundId = startRound(s.ctx(), { scope: { type: 'street' } }).id;
}

/** The services that change the rows added before (a visit also adds a need and a returnee tag). */
function changeRows(): void {
  undoBatch(s.ctx(), { batchId: made.batchId }, now + 2);
  acceptRequest(s.ctx(), { id: made.needId }, now + 3);
  resolveRequest(s.ctx(), { id: made.needId, resolution: '已送到' }, now + 4);
  // The incident went up and was never accepted: a day later it is escalated by the clock.
  recordEscalations(s.ctx(), now + 2 * 86_400_000);
  revokeSafeCompound(s.ctx(), { id: made.safeId, reason: '出现病例' }, now + 6);
  saveStatus(s.ctx(ADMIN), { key: 'watch', label: '观察区', labelEn: 'Watch', color: '#1677FF', rank: 15, retired: false });
  recordVisit(s.ctx(), { roundId: made.roundId, householdId: household, result: 'visited', findings: { returnee: true, symptoms: false, needs: '代购蔬菜' } });
  // The visit moved the round's counts (derived, not restamped); closing it restamps the round.
  closeRound(s.ctx(), { roundId: made.roundId });
}

/** Runs `write` and checks that exactly the rows it changed are newer than a stamp taken before, by this node; returns the tables it wrote. */
function expectEveryChangeRead(write: () => void): string[] {
  const before = everyRow();
  const since = s.host.clock.tick();
  write();
  const after = everyRow();
  const touched: string[] = [];
  for (const { name } of travellingTables) {
    const old = before.get(name)!;
    const changed = [...after.get(name)!].filter(([id, json]) => old.get(id) !== json).map(([id]) => id);
    const read = changedIds(name, since);
    expect(read.length, `${name}: a row read twice`).toBe(new Set(read).size);
    expect(new Set(read), `${name}: rows changed but not read, or read but not changed`).toEqual(new Set(changed));
    for (const id of changed) {
      const row = s.sqlite.prepare(`SELECT hlc, origin FROM ${name} WHERE id = ?`).get(id) as { hlc: string; origin: string };
      expect(row.origin).toBe(s.host.nodeId);
      expect(row.hlc > since).toBe(true);
    }
    if (changed.length > 0) touched.push(name);
  }
  return touched;
}

describe('stamps of rows written by the services', () => {
  it('every insert, update and undo is stamped by this node and read back by changesSince, once', () => {
    ensureAddressInitials(s.sqlite);
    expect(expectEveryChangeRead(addRows)).toEqual([
      'building_status_history', 'buildings', 'request_events', 'requests', 'safe_compounds', 'screening_rounds', 'screening_visits',
      'status_batches', 'status_definitions',
    ]);
    expect(expectEveryChangeRead(changeRows)).toEqual([
      'building_status_history', 'buildings', 'request_events', 'requests', 'resident_tags', 'safe_compounds', 'screening_rounds',
      'screening_visits', 'status_batches', 'status_definitions',
    ]);
  });

  it('every travelling row has a UUIDv7 id, an HLC stamp, an origin and a tombstone flag', () => {
    for (const { name } of travellingTables) {
      const rows = s.sqlite.prepare(`SELECT id, hlc, origin, deleted FROM ${name}`).all() as { id: string; hlc: string; origin: string; deleted: number }[];
      for (const r of rows) {
        expect(r.id, name).toMatch(UUID_RE);
        expect(r.hlc, `${name} ${r.id}`).toMatch(HLC_RE);
        expect(r.origin, `${name} ${r.id}`).not.toBe('');
        expect([0, 1]).toContain(r.deleted);
      }
    }
    expect(s.sqlite.prepare('SELECT count(*) FROM screening_visits').pluck().get()).toBeGreaterThan(0);
  });
});
