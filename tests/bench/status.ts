import { cpSync } from 'node:fs';
import { accountByUsername, actorOf } from '../../db/auth/accounts';
import { statusAsOf } from '../../db/buildings/status/as-of';
import { bulkSetStatus } from '../../db/buildings/status/bulk';
import { buildingHistory } from '../../db/buildings/status/history';
import { statusReminders } from '../../db/buildings/status/reminders';
import { undoBatch } from '../../db/buildings/status/undo';
import { dispatch } from '../../electron/rpc/dispatch';
import { GridRuntime } from '../../electron/rpc/runtime';
import { DEMO_PASSWORD } from '../../electron/seed/run-seed';
import { emit, freshDir, median } from './lib';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const out = fn();
  return [out, performance.now() - t];
}

/**
 * Building statuses on the large preset (a copy, so the other benches keep their data): a bulk
 * change of 1,000 buildings and its undo through the services, the whole street's status as of a
 * past moment, one building's timeline, and the reminders list.
 */
export async function benchStatus(largeDir: string, password = DEMO_PASSWORD): Promise<void> {
  const dir = freshDir('status-large');
  cpSync(largeDir, dir, { recursive: true });
  const rt = new GridRuntime(dir);
  const session = rt.sessions.create();
  const login = await dispatch(rt, session.id, { mode: 'browser' }, 'auth.login', { username: 'zhiban', password });
  if (!login.ok) throw new Error(login.error.message);
  const host = rt.vault.requireOpen();
  const { sqlite } = host.opened;
  const ctx = host.context(actorOf(accountByUsername(sqlite, 'zhiban')!));
  const ids = sqlite.prepare("SELECT id FROM buildings WHERE deleted = 0 AND status = 'normal' ORDER BY id").pluck().all() as string[];
  const total = sqlite.prepare('SELECT count(*) FROM buildings WHERE deleted = 0').pluck().get() as number;

  // Bulk: fresh selections of 1,000 normal buildings each, spread over the street.
  const runs = Math.min(7, Math.floor(ids.length / 1000));
  const bulk: number[] = [];
  const batches: string[] = [];
  const now = Date.now();
  for (let i = 0; i < runs; i++) {
    const selection = ids.filter((_, k) => k % runs === i).slice(0, 1000);
    const [result, ms] = timed(() =>
      bulkSetStatus(ctx, {
        selection: { kind: 'buildings', ids: selection },
        selectionLabel: `套索选择 ${selection.length} 栋`,
        status: i % 2 ? 'controlled' : 'precaution',
        reason: '周边出现病例，加强防范',
        effectiveUntil: now + (i % 3 === 0 ? 24 * HOUR : 7 * DAY),
      }),
    );
    if (result.changed !== selection.length) throw new Error(`bulk run ${i}: changed ${result.changed} of ${selection.length}`);
    bulk.push(ms);
    batches.push(result.batchId);
  }
  emit('status.bulk_1000.service', median(bulk), 'ms', { runs, buildings: 1000, target: 500, includes: 'validate+resolve+1000 history rows+1000 updates+batch+audit, encrypted' });

  const [undo, undoMs] = timed(() => undoBatch(ctx, { batchId: batches.at(-1)! }));
  emit('status.undo_1000.service', undoMs, 'ms', { restored: undo.changed, skipped: undo.skipped, runs: 1 });

  // As of: the whole street at moments over the last two months.
  const asOf: number[] = [];
  let count = 0;
  for (let i = 0; i < 12; i++) {
    const [r, ms] = timed(() => statusAsOf(ctx, { at: now - (i % 6) * 10 * DAY }));
    count = Object.keys(r.statuses).length;
    if (i >= 2) asOf.push(ms);
  }
  emit('status.as_of.service', median(asOf), 'ms', { buildings: count, street: total, runs: asOf.length, target: 150 });

  // History: the timelines of 200 buildings, changed or not.
  const sample = ids.filter((_, k) => k % Math.max(1, Math.floor(ids.length / 200)) === 0).slice(0, 200);
  const history = sample.map((id) => timed(() => buildingHistory(ctx, { id }))[1]);
  emit('status.history.service', median(history), 'ms', { calls: sample.length, p_max: Math.max(...history) });

  const reminders: number[] = [];
  let reminded = 0;
  for (let i = 0; i < 12; i++) {
    const [r, ms] = timed(() => statusReminders(ctx, { withinHours: 48 }));
    reminded = r.length;
    if (i >= 2) reminders.push(ms);
  }
  emit('status.reminders.service', median(reminders), 'ms', { rows: reminded, runs: reminders.length });
  rt.close();
}
