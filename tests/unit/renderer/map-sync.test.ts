import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MapDelta, MapLayers } from '../../../electron/api';
import { MapSync } from '../../../renderer/features/map/map-sync';
import { alignById } from '../../../renderer/features/map/map-delta';
import { ROLE_USERS, signIn, type Caller } from '../helpers/runtime';
import { makeScreeningFixture, type ScreeningFixture } from '../screening/fixture';

let f: ScreeningFixture;
let staff: Caller;
let leader: Caller;
const pushed: MapDelta[] = [];
beforeAll(async () => {
  f = makeScreeningFixture();
  staff = await signIn(f.runtime, ROLE_USERS.staff);
  leader = await signIn(f.runtime, ROLE_USERS.leader);
  f.runtime.onEvent((event, payload) => {
    if (event === 'map.changed') pushed.push(payload as MapDelta);
  });
});
beforeEach(() => {
  pushed.splice(0);
});
afterAll(() => f.runtime.close());

/** A window's map: its data, kept by a MapSync that talks to the real services as the leader. */
async function openWindow() {
  const window = { map: await leader.call('map.layers'), reloads: 0, asked: [] as number[] };
  const sync = new MapSync({
    read: () => window.map,
    write: (next) => (window.map = next),
    reload: () => {
      window.reloads++;
      void leader.call('map.layers').then((m) => (window.map = m));
    },
    since: (revision) => {
      window.asked.push(revision);
      return leader.call('map.changesSince', { revision });
    },
  });
  return { window, sync };
}

/** The statuses the map would show if loaded afresh, by id. */
async function truth(): Promise<Record<string, string>> {
  const { buildings } = await leader.call('map.layers');
  return Object.fromEntries(buildings.ids.map((id, i) => [id, buildings.statuses[i]!]));
}

const shown = (map: MapLayers) => Object.fromEntries(map.buildings.ids.map((id, i) => [id, map.buildings.statuses[i]!]));

const [A, B, C] = [0, 1, 2];
const building = (i: number) => f.territory.buildings[i]!;
const setStatus = (i: number, status: string) => staff.call('buildings.setStatus', { id: building(i), status, reason: '测试变更' });

describe('a window keeping its map at the service’s revision', () => {
  it('applies a pushed change that is its next revision, without asking anything', async () => {
    const { window, sync } = await openWindow();
    await setStatus(A, 'sealed');
    expect(pushed).toHaveLength(1);
    expect(sync.receive(pushed[0]!)).toBe(1);
    expect(window.map.revision).toBe(pushed[0]!.revision);
    expect(shown(window.map)).toEqual(await truth());
    // The same event again changes nothing.
    expect(sync.receive(pushed[0]!)).toBe(0);
    expect(window.asked).toEqual([]);
    expect(window.reloads).toBe(0);
  });

  it('catches up with map.changesSince after missing events, and does not reload the map', async () => {
    const { window, sync } = await openWindow();
    const start = window.map.revision;
    await setStatus(A, 'normal');
    await setStatus(B, 'precaution');
    await staff.call('buildings.bulkSetStatus', { selection: { kind: 'buildings', ids: [building(B), building(C)] }, status: 'sealed', reason: '测试变更' });
    // Only the last of the three reaches this window.
    expect(sync.receive(pushed[2]!)).toBe(0);
    await sync.catchUp();
    expect(window.asked).toEqual([start]);
    expect(window.map.revision).toBe(start + 3);
    expect(shown(window.map)).toEqual(await truth());
    expect(window.reloads).toBe(0);
  });

  it('catches up once the map has loaded when changes were announced while it was loading', async () => {
    const { window, sync } = await openWindow();
    const loading = window.map;
    await setStatus(C, 'controlled');
    await setStatus(A, 'sealed');
    // The window's data is still the older load when the events arrive; they are ignored...
    const now = window.map;
    window.map = undefined as unknown as MapLayers;
    for (const d of pushed) expect(sync.receive(d)).toBe(0);
    // ...and once the load is in, the window asks for what it missed.
    window.map = now;
    sync.loaded();
    await sync.catchUp();
    expect(window.asked).toEqual([loading.revision]);
    expect(shown(window.map)).toEqual(await truth());
  });

  it('reloads the map once when its revision is one the database never reached (restored from a backup)', async () => {
    const { window, sync } = await openWindow();
    window.map = { ...window.map, revision: window.map.revision + 10 };
    await setStatus(B, 'normal');
    sync.receive({ ...pushed[0]!, revision: window.map.revision + 5 });
    await sync.catchUp();
    expect(window.reloads).toBe(1);
  });
});

describe('the as-of and screening layers, matched by building id', () => {
  it('still line up with a map loaded before a building was added', async () => {
    const { window } = await openWindow();
    const round = (await staff.callJob('screening.start', { scope: { type: 'street' } })).id;
    const [first] = f.households.get(building(A))!;
    await staff.call('screening.visit', { roundId: round, householdId: first!, result: 'visited' });
    // A building whose id sorts before every other, added after the map was loaded.
    const added = '00000000-0000-7000-8000-000000000001';
    f.sqlite
      .prepare(
        `INSERT INTO buildings (id, hlc, origin, compound_id, grid_id, community_id, kind, name, address, floors, unit_count, households, residents,
           has_property_mgmt, open_compound, footprint, centroid_lat, centroid_lng, status, status_since)
         SELECT ?, hlc, origin, compound_id, grid_id, community_id, kind, '新楼', address || '（新）', floors, unit_count, households, residents,
           has_property_mgmt, open_compound, footprint, centroid_lat, centroid_lng, 'sealed', status_since FROM buildings WHERE id = ?`,
      )
      .run(added, building(A));

    const { ids } = window.map.buildings;
    expect(ids).not.toContain(added);
    const asOf = await leader.call('map.statusAsOf', { at: Date.now() + 1000 });
    expect(Object.keys(asOf.statuses)).toContain(added);
    const now = await truth();
    expect(alignById(ids, asOf.statuses, '')).toEqual(ids.map((id) => now[id]));

    const progress = await leader.call('screening.progress', { roundId: round });
    const shares = alignById(ids, progress.buildingShare, null);
    const households = (id: string) => f.households.get(id)?.length ?? 0;
    expect(shares).toEqual(ids.map((id) => (households(id) === 0 ? null : id === building(A) ? 1 / households(id) : 0)));
  });
});
