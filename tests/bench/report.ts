import type { Actor } from '../../db/auth/roles';
import { dailyReport } from '../../db/report';
import { exportReportPdf } from '../../db/report/export-pdf';
import type { JobInfo } from '../../electron/api';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { BUILT_WORKER, emit, median, percentile } from './lib';

const STAFF: Actor = { id: 'bench', name: '值班员', role: 'staff', seesPersonalData: false };
const RUNS = 12;
const PDF_RUNS = 6;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The 日报 on the large preset, timed in the service: today and yesterday (every building's status
 * as of the day's end, the open rounds' visits), for the street and for one grid worker; then the
 * street's report of yesterday as a PDF, in the service and as the job a window starts.
 */
export async function benchReport(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  // Jobs run in the built worker, as in the app (from the sources, a thread would compile them first).
  const rt = new GridRuntime(largeDir, { worker: BUILT_WORKER });
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password });
  if (!login.ok) throw new Error(login.error.message);
  const grids = rt.vault.requireOpen().context(STAFF).sqlite.prepare('SELECT id FROM grids WHERE deleted = 0 ORDER BY code LIMIT 2').pluck().all() as string[];
  const worker: Actor = { id: 'bench-grid', name: '网格员', role: 'grid_worker', gridIds: grids, seesPersonalData: false };
  const yesterday = new Date();
  yesterday.setDate(yesterday.getDate() - 1);
  const days = [
    ['today', undefined],
    ['yesterday', yesterday.toLocaleDateString('sv-SE')],
  ] as const;
  for (const [who, actor] of [['staff, whole street', STAFF], ['grid worker, 2 grids', worker]] as const) {
    const ctx = rt.vault.requireOpen().context(actor);
    for (const [day, date] of days) {
      const wall: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        dailyReport(ctx, { date });
        wall.push(performance.now() - t);
      }
      const r = dailyReport(ctx, { date });
      emit('report.daily.service', median(wall.slice(2)), 'ms', {
        case: `${who}, ${day}`,
        p95: round2(percentile(wall.slice(2), 95)),
        firstMs: round2(wall[0]!),
        runs: RUNS - 2,
        figures: { buildings: r.buildings.total, rounds: r.screening.rounds.length, visitsToday: r.screening.visitsToday, openNeeds: r.requests.needs.open },
      });
    }
  }
  await benchReportPdf(rt, session.id, days[1][1]);
  rt.close();
}

async function benchReportPdf(rt: GridRuntime, sessionId: string, date: string): Promise<void> {
  const ctx = rt.vault.requireOpen().context(STAFF);
  const service: number[] = [];
  let bytes = 0;
  for (let i = 0; i < PDF_RUNS; i++) {
    const t = performance.now();
    bytes = (await exportReportPdf(ctx, { date })).file.size;
    service.push(performance.now() - t);
  }
  emit('report.exportPdf.service', median(service.slice(1)), 'ms', {
    case: 'staff, whole street, yesterday',
    firstMs: round2(service[0]!),
    runs: PDF_RUNS - 1,
    kib: Math.round(bytes / 1024),
  });
  const job: number[] = [];
  for (let i = 0; i < PDF_RUNS; i++) {
    const t = performance.now();
    const started = await dispatch(rt, sessionId, { mode: 'browser' }, 'report.exportPdf', { date });
    if (!started.ok) throw new Error(started.error.message);
    const done: JobInfo = await rt.jobs.wait((started.result as JobInfo).id);
    if (done.state !== 'done') throw new Error(`report.exportPdf ${done.state}: ${done.error?.message ?? ''}`);
    job.push(performance.now() - t);
  }
  emit('report.exportPdf.job', median(job), 'ms', { case: 'admin, whole street, yesterday, job thread (dist/node/worker.mjs)', p95: round2(percentile(job, 95)), runs: PDF_RUNS });
}
