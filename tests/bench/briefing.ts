import type { Actor } from '../../db/auth/roles';
import { briefing } from '../../db/briefing';
import { forgetVisitCounts } from '../../db/briefing/visit-counts';
import { recordVisit } from '../../db/screening/visit';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, median, percentile } from './lib';

const LEADER: Actor = { id: 'bench-leader', name: '领导', role: 'leader', seesPersonalData: false };
const RUNS = 14;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The 大屏's figures on the large preset, timed in the service (target 100 ms for all key figures
 * together): the whole street as a leader sees it, polled with nothing changed and after a change,
 * and one grid worker's two grids.
 */
export async function benchBriefing(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const rt = new GridRuntime(largeDir);
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password });
  if (!login.ok) throw new Error(login.error.message);
  const { sqlite } = rt.vault.requireOpen().context(LEADER);
  const grids = sqlite.prepare('SELECT id FROM grids WHERE deleted = 0 ORDER BY code LIMIT 2').pluck().all() as string[];
  const worker: Actor = { id: 'bench-grid', name: '网格员', role: 'grid_worker', gridIds: grids, seesPersonalData: false };
  const staff: Actor = { id: 'bench-staff', name: '值班员', role: 'staff', seesPersonalData: false };
  const pending = sqlite
    .prepare(
      `SELECT v.round_id, v.household_id FROM screening_visits v JOIN screening_rounds r ON r.id = v.round_id
        WHERE r.closed_at IS NULL AND r.deleted = 0 AND v.result IN ('pending', 'nobody_home') AND v.grid_id IN (SELECT value FROM json_each(?)) LIMIT 100`,
    )
    .raw()
    .all(JSON.stringify(grids)) as [string, string][];
  /** A real visit, recorded by the service as the screening page does (in the grid worker's grids, so both cases see it). */
  const visitOne = () => {
    const [roundId, householdId] = pending.shift()!;
    recordVisit(rt.vault.requireOpen().context(staff), { roundId, householdId, result: 'visited' });
  };
  const cases = [
    ['leader, whole street, polled with no visit since', LEADER, 'none'],
    ['leader, whole street, after a screening visit', LEADER, 'visit'],
    ['leader, whole street, counted from scratch', LEADER, 'forget'],
    ['grid worker, 2 grids, after a screening visit', worker, 'visit'],
  ] as const;
  for (const [name, actor, before] of cases) {
    const ctx = rt.vault.requireOpen().context(actor);
    const wall: number[] = [];
    const cpu: number[] = [];
    briefing(ctx);
    for (let i = 0; i < RUNS; i++) {
      if (before === 'visit') visitOne();
      if (before === 'forget') forgetVisitCounts(sqlite);
      const c = process.cpuUsage();
      const t = performance.now();
      briefing(ctx);
      wall.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    const b = briefing(ctx);
    emit('briefing.get.service', median(wall.slice(2)), 'ms', {
      case: name,
      cpuMs: round2(median(cpu.slice(2))),
      p95: round2(percentile(wall.slice(2), 95)),
      firstMs: round2(wall[0]!),
      runs: RUNS - 2,
      target: 100,
      figures: Object.fromEntries(b.figures.map((f) => [f.key, f.format === 'percent' ? round2(f.value) : f.value])),
      communities: b.communities.length,
      trendDays: b.trend.length,
    });
  }
  rt.close();
}

/** `tsx tests/bench/briefing.ts <data dir>`: this bench alone, on a data directory seeded with the large preset. */
if (process.argv[1]?.endsWith('briefing.ts') && process.argv[2]) {
  benchBriefing(process.argv[2]).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
