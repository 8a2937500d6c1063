import type { Actor } from '../../db/auth/roles';
import { addressInitials } from '../../db/buildings/initials';
import { overview } from '../../db/overview';
import { searchAll } from '../../db/search';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, median, percentile } from './lib';

const STAFF: Actor = { id: 'bench', name: '值班员', role: 'staff', seesPersonalData: false };
const RUNS = 25;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Wall and CPU time (ms) of each of `runs` calls: the machine may be shared, CPU time shows the work itself. */
function timed(fn: () => unknown, runs: number): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/**
 * The header's search box and the 总览 page on the large preset, timed in the service (target
 * 50 ms for a search): pinyin initials of a compound, a surname, a phone's last four digits, a
 * grid; then the overview for the street and for one grid worker.
 */
export async function benchSearch(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const rt = new GridRuntime(largeDir);
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password });
  if (!login.ok) throw new Error(login.error.message);
  const ctx = rt.vault.requireOpen().context(STAFF);
  const { sqlite } = ctx;
  const compound = sqlite.prepare('SELECT name FROM compounds WHERE deleted = 0 ORDER BY id LIMIT 1 OFFSET 100').pluck().get() as string;
  const phone = sqlite.prepare('SELECT phone FROM residents WHERE deleted = 0 AND phone IS NOT NULL ORDER BY id LIMIT 1 OFFSET 5000').pluck().get() as string;
  const surname = (sqlite.prepare('SELECT name FROM residents WHERE deleted = 0 ORDER BY id LIMIT 1 OFFSET 7000').pluck().get() as string).slice(0, 1);
  const residents = sqlite.prepare('SELECT count(*) FROM residents WHERE deleted = 0').pluck().get() as number;
  const buildings = sqlite.prepare('SELECT count(*) FROM buildings WHERE deleted = 0').pluck().get() as number;
  const cases = [
    { case: 'pinyin initials of a compound', text: addressInitials(compound) },
    { case: 'zsl (street initials skipped)', text: 'zsl' },
    { case: 'surname', text: surname },
    { case: 'phone last 4 digits', text: phone.slice(-4) },
    { case: 'grid', text: '第3网格' },
  ];
  for (const c of cases) {
    const input = { text: c.text, limit: 8 };
    const { wall, cpu } = timed(() => searchAll(ctx, input), RUNS);
    const r = searchAll(ctx, input);
    emit('search.all.service', median(wall.slice(2)), 'ms', {
      case: c.case,
      text: c.text,
      cpuMs: round2(median(cpu.slice(2))),
      p95: round2(percentile(wall.slice(2), 95)),
      firstMs: round2(wall[0]!),
      firstIncludes: c.case.startsWith('phone') ? 'filling the phone lookup of this connection once' : 'preparing statements',
      found: { buildings: r.buildings.total, compounds: r.compounds.total, grids: r.grids.total, communities: r.communities.total, residents: r.residents?.total ?? null },
      runs: RUNS - 2,
      target: 50,
      buildingsInDb: buildings,
      residentsInDb: residents,
    });
  }

  const grids = sqlite.prepare('SELECT id FROM grids WHERE deleted = 0 ORDER BY code LIMIT 2').pluck().all() as string[];
  const worker: Actor = { id: 'bench-grid', name: '网格员', role: 'grid_worker', gridIds: grids, seesPersonalData: false };
  for (const [name, actor] of [['staff, whole street', STAFF], ['grid worker, 2 grids', worker]] as const) {
    const octx = rt.vault.requireOpen().context(actor);
    const { wall, cpu } = timed(() => overview(octx, { since: 'shift' }), 12);
    const o = overview(octx, { since: 'shift' });
    emit('overview.get.service', median(wall.slice(2)), 'ms', {
      case: name,
      cpuMs: round2(median(cpu.slice(2))),
      p95: round2(percentile(wall.slice(2), 95)),
      runs: wall.length - 2,
      figures: { statusChanges: o.statusChanges.buildings, openNeeds: o.requests.openNeeds, ending: o.ending.total, screening: o.screening?.households ?? null },
    });
  }
  rt.close();
}
