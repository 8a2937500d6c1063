import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Actor } from '../../db/auth/roles';
import { staffingBoard } from '../../db/staffing/board';
import { staffingGaps } from '../../db/staffing/gaps';
import { staffingCoverage } from '../../db/staffing/coverage';
import { postsNow } from '../../db/staffing/posts-now';
import { proposeFill } from '../../db/staffing/auto-fill';
import { dayOf, weekStart } from '../../db/staffing/time';
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
  return { ms: median(wall.length > 2 ? wall.slice(1) : wall), last, first: wall[0]! };
}

/** The 排班 services on the large preset (200 posts × 90 days): week board ≤ 200 ms, gaps of 7 days ≤ 100 ms, auto-fill of a week ≤ 5 s. */
export async function benchStaffing(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const rt = new GridRuntime(largeDir);
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password });
  if (!login.ok) throw new Error(login.error.message);
  const ctx = rt.vault.requireOpen().context(STAFF);
  const now = Date.now();
  const from = weekStart(dayOf(now));
  const board = timed(15, () => staffingBoard(ctx, { from, days: 7 }, now));
  const posts = board.last.communities.reduce((n, c) => n + c.posts.length, 0);
  emit('staffing.board.week.service', board.ms, 'ms', { firstMs: Math.round(board.first), posts, shifts: board.last.totals.shifts, gaps: board.last.totals.gaps, target: 200 });
  const gaps = timed(15, () => staffingGaps(ctx, { hours: 168 }, now));
  emit('staffing.gaps.7d.service', gaps.ms, 'ms', { firstMs: Math.round(gaps.first), gaps: gaps.last.length, target: 100 });
  const coverage = timed(15, () => staffingCoverage(ctx, {}));
  emit('staffing.coverage.service', coverage.ms, 'ms', { firstMs: Math.round(coverage.first), ...coverage.last.totals, target: 200 });
  const onMap = timed(15, () => postsNow(ctx, now));
  emit('staffing.postsNow.service', onMap.ms, 'ms', { firstMs: Math.round(onMap.first), posts: onMap.last.length, target: 100 });
  const fill = timed(5, () => proposeFill(ctx, { from, days: 7 }));
  emit('staffing.autofill.week.service', fill.ms, 'ms', {
    firstMs: Math.round(fill.first),
    posts,
    open: fill.last.open,
    proposed: fill.last.proposals.length,
    target: 5000,
  });
  rt.close();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.GRIDDESK_BENCH_LARGE ?? freshDir('staffing-large');
  if (!process.env.GRIDDESK_BENCH_LARGE) {
    execFileSync(process.execPath, [join(ROOT, 'dist/node/cli.mjs'), 'seed', '--preset', 'large', '--seed', '1', '--data-dir', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  benchStaffing(dir).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
