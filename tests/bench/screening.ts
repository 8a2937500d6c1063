import { cpSync } from 'node:fs';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { BUILT_WORKER, emit, freshDir, median } from './lib';

/**
 * Screening on the large street office as the demo seeds it (5 rounds over every household, the
 * fifth in progress): its progress for the whole street, the list of rounds, single visits, the
 * queue, and starting a sixth round over every household.
 */
export async function benchScreening(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const dir = freshDir('screening-large');
  cpSync(largeDir, dir, { recursive: true });
  const runtime = new GridRuntime(dir, { worker: BUILT_WORKER });
  const session = runtime.sessions.create();
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const reply = await dispatch(runtime, session.id, { mode: 'browser' }, method, input);
    if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result as T;
  };
  // Wall time, and this process's CPU time (the machine may be shared: CPU shows the work itself).
  const cpu: number[] = [];
  const timed = async <T>(method: string, input: unknown): Promise<[number, T]> => {
    const t = performance.now();
    const c = process.cpuUsage();
    const result = await call<T>(method, input);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    return [performance.now() - t, result];
  };
  const cpuOf = (runs: number, skip = 0) => Math.round(median(cpu.slice(-runs).slice(skip)) * 10) / 10;
  await call('auth.login', { username: 'admin', password });
  const sqlite = runtime.vault.requireOpen().opened.sqlite;
  const households = sqlite.prepare('SELECT count(*) FROM households WHERE deleted = 0').pluck().get() as number;
  const visitRows = sqlite.prepare('SELECT count(*) FROM screening_visits').pluck().get() as number;
  const current = sqlite.prepare('SELECT id FROM screening_rounds WHERE closed_at IS NULL ORDER BY number DESC LIMIT 1').pluck().get() as string;
  if (!current || households === 0) throw new Error('the large preset has no open screening round');
  const progress: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 15; i++) {
    const [ms, result] = await timed('screening.progress', { roundId: current });
    progress.push(ms);
    bytes = JSON.stringify(result).length;
  }
  emit('screening.progress.service', median(progress.slice(2)), 'ms', { cpuMs: cpuOf(15, 2), households, visitRows, rounds: 5, runs: 13, target: 200, bytes });

  const listing: number[] = [];
  for (let i = 0; i < 15; i++) listing.push((await timed('screening.rounds', {}))[0]);
  emit('screening.rounds.service', median(listing.slice(2)), 'ms', { cpuMs: cpuOf(15, 2), rounds: 5, visitRows, runs: 13 });

  const pending = sqlite
    .prepare(`SELECT household_id FROM screening_visits WHERE round_id = ? AND result = 'pending' LIMIT 200`)
    .pluck()
    .all(current) as string[];
  const visits: number[] = [];
  for (const [i, householdId] of pending.entries()) {
    const findings = i % 20 === 0 ? { returnee: true, symptoms: false, needs: '需要代购生活物资' } : undefined;
    visits.push((await timed('screening.visit', { roundId: current, householdId, result: findings || i % 7 ? 'visited' : 'nobody_home', findings }))[0]);
  }
  emit('screening.visit.service', median(visits), 'ms', { cpuMs: cpuOf(visits.length), runs: visits.length, includes: 'checks + update + queue line; every 20th with a need and a returnee tag' });

  const grid = sqlite.prepare('SELECT grid_id FROM screening_visits WHERE round_id = ? LIMIT 1').pluck().get(current) as string;
  const queue: number[] = [];
  for (let i = 0; i < 15; i++) {
    queue.push((await timed('screening.households', { roundId: current, gridId: grid, results: ['pending', 'nobody_home'], pageSize: 50 }))[0]);
  }
  emit('screening.households.service', median(queue.slice(2)), 'ms', { cpuMs: cpuOf(15, 2), filter: 'one grid, pending + nobody home', pageSize: 50, runs: 13 });
  const street: number[] = [];
  for (let i = 0; i < 7; i++) street.push((await timed('screening.households', { roundId: current, page: 100, pageSize: 50 }))[0]);
  emit('screening.households.street.service', median(street.slice(2)), 'ms', { cpuMs: cpuOf(7, 2), filter: 'none, page 100', pageSize: 50, runs: 5 });
  const t = performance.now();
  const job = await call<{ id: string }>('screening.start', { scope: { type: 'street' } });
  const done = await runtime.jobs.wait(job.id);
  if (done.state !== 'done') throw new Error(`screening.start: ${done.error?.message ?? done.state}`);
  emit('screening.start.street.job', performance.now() - t, 'ms', { households, includes: 'validate + job thread start + one pending visit per household + audit' });
  runtime.close();
}
