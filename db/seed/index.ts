/**
 * The demo street office generator: 中山路街道 of 青岛市市南区 with its communities, zones,
 * grids, compounds, buildings and units on the shipped basemap, the people on duty, building
 * statuses with their history, every household and resident with their special groups and
 * requests, incidents, 放心楼院 and 入户摸排 rounds. Same preset, seed and `now` ⇒ the same database.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { buildLayout } from '../../maps/layout';
import { createRandom } from '../../maps/random';
import { givenName, PersonFactory, pickSurname } from './people';
import { SEED_PRESETS, type SeedPreset } from './presets';
import { draftTerritory, type CommunityDraft } from './territory';
import { planStatuses } from './status';
import { writeDuties } from './duties';
import { SeedWriter, withIndexesDeferred } from './writer';
import { STREET_OFFICE } from './names';
import { planHouseholds } from './household-plan';
import { writeResidents } from './residents';
import { writeIncidents } from './incidents';
import { writeSafeCompounds } from './safe-compounds';
import { writeScreening } from './screening';
import { writeStaffing } from './staffing';
import { writeVolunteerService } from './volunteer-service';
import { writeVolunteers } from './volunteers';
import { cachedAddressInitials } from '../buildings/initials';
import type { Random } from '../../maps/random';

export type { SeedPreset };
export { SEED_PRESETS, isSeedPreset } from './presets';

export interface SeedOptions {
  preset: SeedPreset;
  seed: number;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
  /** The moment the demo is "now" (ms); statuses, duties, groups, needs and screening date back from it. Default Date.now(). */
  now?: number;
}

export interface SeedSummary {
  preset: SeedPreset;
  seed: number;
  communities: number;
  zones: number;
  grids: number;
  compounds: number;
  buildings: number;
  units: number;
  /** Rows in `residents`, equal to the sum of the buildings' resident counts. */
  residents: number;
  /** Rows in `people`: heads, grid workers, cadres. */
  people: number;
  households: number;
  /** Rows in `resident_tags`. */
  tags: number;
  /** Rows in `requests`: needs and incidents, each with its life so far. */
  requests: number;
  safeCompounds: number;
  screeningRounds: number;
  screeningVisits: number;
  ms: number;
}

/** Page cache while seeding, in KiB (negative: a size, not a page count). */
const SEED_CACHE_KIB = -262_144;

/** Tables filled with many rows: their indexes are built once, after the rows are in. */
const BULK_TABLES = ['households', 'residents', 'resident_tags', 'requests', 'request_events', 'screening_visits', 'shift_assignments', 'volunteer_profiles', 'volunteer_status_changes', 'service_hours'] as const;

/** Screening rounds of each preset: the large street has run five. */
const SCREENING_ROUNDS: Record<SeedPreset, number> = { small: 2, default: 2, large: 5 };

function names(rng: Random, count: number): string[] {
  return Array.from({ length: count }, () => {
    const gender = rng.chance(0.55) ? 'female' : 'male';
    const given = givenName(rng, gender);
    return pickSurname(rng) + given;
  });
}

const json = (v: unknown) => JSON.stringify(v);

export function seedDatabase(sqlite: Database.Database, options: SeedOptions): SeedSummary {
  const started = performance.now();
  const { preset, seed } = options;
  const size = SEED_PRESETS[preset];
  if (!size) throw new Error(`未知的演示数据规模「${String(preset)}」，可选：small、default、large`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`随机种子必须是 0 到 4294967295 之间的整数，收到 ${seed}`);
  const existing = sqlite.prepare<unknown[], { name: string }>('SELECT name FROM street_offices LIMIT 1').get();
  if (existing) throw new Error(`数据库中已有街道「${existing.name}」的数据，不能再生成演示数据。请使用新的空数据库。`);
  const now = options.now ?? Date.now();
  const progress = options.onProgress ?? (() => {});
  const root = createRandom(seed);

  progress({ phase: '规划社区、网格和楼栋', done: 0, total: 1 });
  const layout = buildLayout(size, seed);
  const communities = draftTerritory(layout, size.residents, root.fork('territory'));
  const people = new PersonFactory(root.fork('people'), now);
  const operators = Array.from({ length: 4 }, () => people.create({ origin: 'community_staff', party: 0, age: [25, 45] }).name);
  planStatuses(communities, root.fork('status'), now, operators);
  planHouseholds(communities, root.fork('households'));
  progress({ phase: '规划社区、网格和楼栋', done: 1, total: 1 });

  // A bigger page cache while the rows go in: the transaction then rarely spills to the WAL.
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${SEED_CACHE_KIB}`);
  const run = sqlite.transaction(() => {
    let node = sqlite.prepare<unknown[], { value: string }>(`SELECT value FROM meta WHERE key = 'node_id'`).get()?.value;
    if (!node) {
      node = Buffer.from(root.fork('node').bytes(8)).toString('hex');
      sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('node_id', ?)`).run(node);
    }
    const setMeta = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    setMeta.run('seed.preset', preset);
    setMeta.run('seed.number', String(seed));
    const writer = new SeedWriter(sqlite, root.fork('ids'), node, now);
    const buildingTotal = writeTerritory(communities, writer, layout.center, progress);
    writeDuties(communities, writer, people, root.fork('duties'), now, (done) => {
      if (done % 500 === 0 || done === buildingTotal) progress({ phase: '写入人员和职责', done, total: buildingTotal });
    });
    withIndexesDeferred(sqlite, BULK_TABLES, () => progress({ phase: '建立索引', done: 0, total: 1 }), () => {
      const helpers = root.fork('helpers');
      const volunteers = names(helpers, 60);
      const handlers = names(helpers, 12);
      const { index } = writeResidents(communities, writer, root.fork('residents'), now, { ids: people.ids, phones: people.phones, volunteers }, (done, total) => {
        if (done % 500 === 0 || done === total) progress({ phase: '写入住户、居民和重点人群', done, total });
      });
      progress({ phase: '写入突发事件和放心楼院', done: 0, total: 1 });
      writeIncidents(communities, writer, root.fork('incidents'), now, handlers);
      writeSafeCompounds(communities, writer, root.fork('safe-compounds'), now, operators);
      progress({ phase: '写入突发事件和放心楼院', done: 1, total: 1 });
      writeScreening(index, writer, root.fork('screening'), now, SCREENING_ROUNDS[preset], operators, (done, total) =>
        progress({ phase: '写入入户摸排', done, total }),
      );
      progress({ phase: '写入排班', done: 0, total: 1 });
      writeStaffing(communities, writer, people, root.fork('staffing'), now, preset);
      progress({ phase: '写入排班', done: 1, total: 1 });
      progress({ phase: '写入志愿者', done: 0, total: 1 });
      writeVolunteers(communities, writer, people, root.fork('volunteers'), now, preset, operators);
      progress({ phase: '写入志愿者', done: 1, total: 1 });
      progress({ phase: '写入志愿者队伍和服务时长', done: 0, total: 1 });
      writeVolunteerService(sqlite, writer, root.fork('volunteer-service'), now);
      progress({ phase: '写入志愿者队伍和服务时长', done: 1, total: 1 });
    });
    return writer.rows;
  });
  let rows: SeedWriter['rows'];
  try {
    rows = run();
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return {
    preset, seed,
    communities: rows.communities, zones: rows.zones, grids: rows.grids, compounds: rows.compounds,
    buildings: rows.buildings, units: rows.units, residents: rows.residents, people: rows.people,
    households: rows.households, tags: rows.resident_tags, requests: rows.requests,
    safeCompounds: rows.safe_compounds, screeningRounds: rows.screening_rounds, screeningVisits: rows.screening_visits,
    ms: Math.round(performance.now() - started),
  };
}

function writeTerritory(
  communities: CommunityDraft[],
  w: SeedWriter,
  center: [number, number],
  progress: NonNullable<SeedOptions['onProgress']>,
): number {
  const total = communities.reduce((s, c) => s + c.zones.reduce((t, z) => t + z.grids.reduce((u, g) => u + g.compounds.reduce((v, cp) => v + cp.buildings.length, 0), 0), 0), 0);
  const { code, name, city, district } = STREET_OFFICE;
  const initials = cachedAddressInitials();
  const streetId = w.insert('street_offices', [code, name, city, district, center[1], center[0]]);
  let done = 0;
  for (const c of communities) {
    c.id = w.insert('communities', [streetId, c.code, c.name, json(c.boundary), c.label[1], c.label[0]]);
    for (const z of c.zones) {
      z.id = w.insert('zones', [c.id, z.number, z.name]);
      for (const g of z.grids) {
        g.id = w.insert('grids', [z.id, c.id, g.code, g.number, g.name, json(g.boundary), g.label[1], g.label[0]]);
        for (const cp of g.compounds) {
          cp.id = w.insert('compounds', [g.id, cp.name, cp.kind, cp.road, cp.hasPropertyMgmt ? 1 : 0, cp.openCompound ? 1 : 0]);
          for (const b of cp.buildings) {
            b.id = w.insert('buildings', [
              cp.id, g.id, c.id, b.kind, b.name, b.address, b.floors, b.units.length, b.households, b.residents,
              cp.hasPropertyMgmt ? 1 : 0, cp.openCompound ? 1 : 0, json(b.footprint), b.centroid[1], b.centroid[0], b.status, b.statusSince,
              b.history.at(-1)?.effectiveUntil ?? null, initials(b.address),
            ]);
            b.unitIds = b.units.map((households, u) => w.insert('units', [b.id!, u + 1, households]));
            for (const h of b.history)
              w.insert('building_status_history', [b.id, h.status, h.previousStatus, h.reason, h.changedBy, h.changedAt, h.effectiveFrom, h.effectiveUntil, null]);
            if (++done % 500 === 0 || done === total) progress({ phase: '写入楼栋和单元', done, total });
          }
        }
      }
    }
  }
  return total;
}
