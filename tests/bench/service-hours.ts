import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Actor } from '../../db/auth/roles';
import { activeVolunteerIds, hoursByMonth, hoursTotals } from '../../db/service-hours/totals';
import { monthOf } from '../../db/service-hours/month';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, freshDir, median, ROOT } from './lib';

const STAFF: Actor = { id: 'bench', name: '值班员', role: 'staff', seesPersonalData: false };

function timed<T>(runs: number, work: () => T): { ms: number; last: T; first: number } {
  const wall: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = work();
    wall.push(performance.now() - t);
  }
  return { ms: median(wall.slice(1)), last, first: wall[0]! };
}

/**
 * Service hours on the large preset: the street's totals for one month (manual entries and the 排班
 * board's shifts, per person, team and community) ≤ 100 ms; the roster's active-volunteer set.
 */
export async function benchServiceHours(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const rt = new GridRuntime(largeDir);
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password });
  if (!login.ok) throw new Error(login.error.message);
  const ctx = rt.vault.requireOpen().context(STAFF);
  const month = monthOf(Date.now());
  const { sqlite } = ctx;
  const rows = sqlite.prepare('SELECT (SELECT count(*) FROM service_hours) AS manual, (SELECT count(*) FROM shift_assignments) AS shifts').get() as { manual: number; shifts: number };
  const active = timed(15, () => activeVolunteerIds(sqlite, month));
  emit('hours.active_ids.month', active.ms, 'ms', { firstMs: Math.round(active.first), active: active.last.size, ...rows, target: 100 });
  const totals = timed(15, () => hoursTotals(ctx, { month }));
  emit('hours.totals.month.service', totals.ms, 'ms', {
    firstMs: Math.round(totals.first),
    people: totals.last.people.length,
    teams: totals.last.teams.length,
    hours: totals.last.street.hours,
    target: 100,
  });
  const months = timed(5, () => hoursByMonth(ctx, { month }));
  emit('hours.months.six', months.ms, 'ms', { firstMs: Math.round(months.first), months: months.last.length });
  rt.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.GRIDDESK_BENCH_LARGE ?? freshDir('hours-large');
  if (!process.env.GRIDDESK_BENCH_LARGE) {
    execFileSync(process.execPath, [join(ROOT, 'dist/node/cli.mjs'), 'seed', '--preset', 'large', '--seed', '1', '--data-dir', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  benchServiceHours(dir).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
