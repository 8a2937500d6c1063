import type Database from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../../db/auth/roles';
import { buildingDetail } from '../../db/buildings/detail';
import { exportBuildings } from '../../db/buildings/export';
import { buildingFilterSql, type BuildingFilterInput } from '../../db/buildings/filter';
import { listBuildings, orderedIdsSql, type BuildingSort } from '../../db/buildings/list';
import type { ServiceContext } from '../../db/context';
import { createRandom } from '../../maps/random';
import { uuidv7 } from '../../db/sync/ids';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, median, percentile } from './lib';

const STAFF: Actor = { id: 'bench', name: '值班员', role: 'staff', seesPersonalData: false };
const DAY = 86_400_000;

async function timed(fn: () => unknown, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * For a database seeded before the generator wrote households and residents: a plausible roster
 * (the buildings' own household and resident counts, a fifth floating, ~30k group tags, some
 * needs and incidents), so the figures are taken at full size.
 */
function synthesizeRoster(sqlite: Database.Database, nodeId: string, now: number): void {
  const rng = createRandom(7);
  const buildings = sqlite.prepare('SELECT id, households, residents FROM buildings WHERE deleted = 0').all() as { id: string; households: number; residents: number }[];
  const hlc = `${String(now).padStart(15, '0')}:00000:${nodeId}`;
  const hh = sqlite.prepare(`INSERT INTO households (id, hlc, origin, building_id, room, registration) VALUES (?, '${hlc}', '${nodeId}', ?, ?, ?)`);
  const rs = sqlite.prepare(
    `INSERT INTO residents (id, hlc, origin, household_id, building_id, name, gender, birth_year, id_number, phone, relation, registration)
     VALUES (?, '${hlc}', '${nodeId}', ?, ?, '居民', ?, ?, '370202198001011234', '13800000000', ?, ?)`,
  );
  const tg = sqlite.prepare(`INSERT INTO resident_tags (id, hlc, origin, resident_id, building_id, tag, starts_on, ends_on) VALUES (?, '${hlc}', '${nodeId}', ?, ?, ?, ?, ?)`);
  const nd = sqlite.prepare(
    `INSERT INTO building_needs (id, hlc, origin, building_id, kind, detail, requested_by, requested_at, done_at) VALUES (?, '${hlc}', '${nodeId}', ?, 'medicine', '降压药', '居民', ?, ?)`,
  );
  const ic = sqlite.prepare(
    `INSERT INTO building_incidents (id, hlc, origin, building_id, title, reported_by, reported_at, fixed_at) VALUES (?, '${hlc}', '${nodeId}', ?, '楼顶防水层被风掀开', '网格员', ?, ?)`,
  );
  sqlite.transaction(() => {
    for (const b of buildings) {
      const hCount = Math.max(1, b.households);
      const floatingHouse = rng.next() < 0.2;
      const ids = Array.from({ length: hCount }, (_, i) => {
        const id = uuidv7(now);
        hh.run(id, b.id, `${(i % 3) + 1}单元${Math.floor(i / 2) + 1}0${(i % 2) + 1}`, floatingHouse ? 'floating' : 'registered');
        return id;
      });
      for (let r = 0; r < b.residents; r++) {
        const rid = uuidv7(now);
        const floating = rng.next() < 0.2;
        rs.run(rid, ids[r % hCount], b.id, r % 2 ? 'male' : 'female', 1940 + Math.floor(rng.next() * 70), r < hCount ? 'head' : 'spouse', floating ? 'floating' : 'registered');
        const roll = rng.next();
        if (roll < 0.02) tg.run(uuidv7(now), rid, b.id, 'home_observation', now - Math.floor(rng.next() * 20) * DAY, now + (7 - Math.floor(rng.next() * 14)) * DAY);
        else if (roll < 0.03) tg.run(uuidv7(now), rid, b.id, 'isolation', now - 3 * DAY, now + 11 * DAY);
        else if (roll < 0.065) tg.run(uuidv7(now), rid, b.id, 'elderly_alone', null, null);
        else if (roll < 0.085) tg.run(uuidv7(now), rid, b.id, 'disabled', null, null);
        else if (roll < 0.1) tg.run(uuidv7(now), rid, b.id, 'returnee', now - 5 * DAY, null);
      }
      if (rng.next() < 0.15) nd.run(uuidv7(now), b.id, now - DAY, rng.next() < 0.5 ? null : now);
      if (rng.next() < 0.08) ic.run(uuidv7(now), b.id, now - 2 * DAY, rng.next() < 0.5 ? null : now - DAY);
    }
  })();
}

/** Lines of the query plan that read a whole table without an index. */
function fullScans(ctx: ServiceContext, filter: BuildingFilterInput, sort: BuildingSort): string[] {
  const sql = buildingFilterSql(ctx.sqlite, ctx.actor, filter, Date.now());
  const plan = ctx.sqlite.prepare(`EXPLAIN QUERY PLAN ${orderedIdsSql(sql, sort)} LIMIT 50`).all({ ...sql.params, now: Date.now() }) as { detail: string }[];
  return plan.map((p) => p.detail).filter((d) => /^SCAN /.test(d) && !/USING (COVERING )?INDEX/.test(d));
}

/**
 * The buildings services on the large preset: the building panel, the first page of the table
 * under several filters and sorts, and the export of every building to .xlsx.
 */
export async function benchBuildings(largeDir: string, options: { password?: string; synthesizeRoster?: boolean } = {}): Promise<void> {
  const rt = new GridRuntime(largeDir);
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password: options.password ?? DEMO_PASSWORD });
  if (!login.ok) throw new Error(login.error.message);
  const host = rt.vault.requireOpen();
  const ctx = host.context(STAFF);
  const { sqlite } = ctx;
  const now = Date.now();
  let residents = sqlite.prepare('SELECT count(*) FROM residents WHERE deleted = 0').pluck().get() as number;
  if (residents === 0 && options.synthesizeRoster) {
    const t = performance.now();
    synthesizeRoster(sqlite, host.nodeId, now);
    residents = sqlite.prepare('SELECT count(*) FROM residents WHERE deleted = 0').pluck().get() as number;
    console.error(`synthesized roster: ${residents} residents in ${Math.round(performance.now() - t)} ms`);
  }
  const tags = sqlite.prepare('SELECT count(*) FROM resident_tags WHERE deleted = 0').pluck().get() as number;
  const ids = sqlite.prepare('SELECT id FROM buildings WHERE deleted = 0 ORDER BY id').pluck().all() as string[];
  const size = { buildings: ids.length, residents, tags };

  const rng = createRandom(1);
  const sample = Array.from({ length: 50 }, () => ids[Math.floor(rng.next() * ids.length)]!);
  buildingDetail(ctx, sample[0]!);
  const panel: number[] = [];
  for (const id of sample) panel.push(...(await timed(() => buildingDetail(ctx, id), 1)));
  emit('buildings.panel.service', median(panel), 'ms', { p95: Math.round(percentile(panel, 95) * 100) / 100, runs: panel.length, target: 50, ...size });

  const initials = await timed(() => sqlite.prepare('SELECT count(*) FROM buildings WHERE address_initials = \'\'').pluck().get(), 1);
  const community = sqlite.prepare('SELECT id FROM communities WHERE deleted = 0 ORDER BY code LIMIT 1').pluck().get() as string;
  const address: BuildingSort = { key: 'address', order: 'asc' };
  const cases: { name: string; filter: BuildingFilterInput; sort: BuildingSort }[] = [
    { name: 'status+community', filter: { statuses: ['sealed', 'controlled', 'precaution'], communityId: community }, sort: address },
    { name: 'tag home_observation', filter: { tag: 'home_observation' }, sort: address },
    { name: "search 'zsl'", filter: { search: 'zsl' }, sort: address },
    { name: 'sort residents desc', filter: {}, sort: { key: 'residents', order: 'desc' } },
    { name: 'sort isolation desc', filter: {}, sort: { key: 'isolation', order: 'desc' } },
    { name: 'sort floating desc + open needs', filter: { hasOpenNeeds: true }, sort: { key: 'floating', order: 'desc' } },
  ];
  const firstSearch = performance.now();
  listBuildings(ctx, { filter: { search: 'zsl' }, sort: address, page: 1, pageSize: 50 });
  emit('buildings.search.first_call', performance.now() - firstSearch, 'ms', { includes: 'filling empty address initials once, if any', checkMs: Math.round(initials[0]! * 100) / 100 });
  for (const c of cases) {
    const input = { filter: c.filter, sort: c.sort, page: 1, pageSize: 50 };
    const runs = await timed(() => listBuildings(ctx, input), 15);
    const total = listBuildings(ctx, input).total;
    emit('buildings.table.first_page.service', median(runs.slice(2)), 'ms', {
      case: c.name,
      firstMs: Math.round(runs[0]! * 100) / 100,
      total,
      runs: runs.length - 2,
      target: 100,
      fullScans: fullScans(ctx, c.filter, c.sort),
    });
  }

  const exportRuns: number[] = [];
  let bytes = 0;
  let rows = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const out = await exportBuildings(ctx, { filter: {}, sort: address });
    exportRuns.push(performance.now() - t);
    bytes = Buffer.from(out.base64, 'base64').length;
    rows = out.rows;
  }
  emit('buildings.export.service', median(exportRuns), 'ms', { rows, bytes, kib: Math.round(bytes / 1024), runs: exportRuns.length });
  rt.close();
}
