import type { Actor } from '../../db/auth/roles';
import { buildingDetail } from '../../db/buildings/detail';
import { exportBuildings } from '../../db/buildings/export';
import { buildingFilterSql, type BuildingFilterInput } from '../../db/buildings/filter';
import { listBuildings, orderedIdsSql, type BuildingSort } from '../../db/buildings/list';
import type { ServiceContext } from '../../db/context';
import { createRandom } from '../../maps/random';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, median, percentile, timed } from './lib';

const STAFF: Actor = { id: 'bench', name: '值班员', role: 'staff', seesPersonalData: false };

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
export async function benchBuildings(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const rt = new GridRuntime(largeDir);
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password });
  if (!login.ok) throw new Error(login.error.message);
  const host = rt.vault.requireOpen();
  const ctx = host.context(STAFF);
  const { sqlite } = ctx;
  const residents = sqlite.prepare('SELECT count(*) FROM residents WHERE deleted = 0').pluck().get() as number;
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
    bytes = out.file.size;
    rows = out.rows;
  }
  emit('buildings.export.service', median(exportRuns), 'ms', { rows, bytes, kib: Math.round(bytes / 1024), runs: exportRuns.length });
  rt.close();
}
