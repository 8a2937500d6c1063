import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../db/audit/verify';
import { buildingHistory } from '../../../db/buildings/status/history';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { bulkSetStatus } from '../../../db/buildings/status/bulk';
import { openDatabase } from '../../../db/client/open';
import { ServiceHost } from '../../../db/host';
import { insertMiniTerritory } from '../helpers/territory';
import { tempDir } from '../helpers/tmp';
import { building, DAY, HOUR, NOW, openStreet, STAFF, STAFF2, type Street } from './fixture';
import { SHARED_BYTES, type WriterOutcome, type WriterTask } from './writer/task';

/** Runs one writer thread to its end. */
function runWriter(task: WriterTask): Promise<WriterOutcome> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./writer/thread.mjs', import.meta.url), { workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`writer thread exited with ${code}`));
    });
  });
}

describe('two staff changing the same building at once', () => {
  it('from two threads on one encrypted file: every change lands in commit order, the last is current, nobody sees SQLITE_BUSY', async () => {
    const file = join(tempDir('griddesk-concurrency-'), 'griddesk.db');
    const key = randomBytes(32);
    const setup = new ServiceHost(openDatabase({ file, key }));
    const id = insertMiniTerritory(setup.opened.sqlite, 1).buildings[0]!;
    setup.close();

    const PER_WRITER = 15;
    const end = Date.now() + 30 * DAY;
    const shared = new SharedArrayBuffer(SHARED_BYTES);
    const task = (actor: typeof STAFF, who: string, offset: number): WriterTask => ({
      file,
      keyHex: key.toString('hex'),
      actor,
      buildingId: id,
      changes: Array.from({ length: PER_WRITER }, (_, i) => ({ status: i % 2 ? 'precaution' : 'sealed', reason: `${who}第${i}次`, effectiveUntil: end + offset + i * HOUR })),
      shared,
      parties: 2,
    });
    const outcomes = await Promise.all([runWriter(task(STAFF, '甲', 0)), runWriter(task(STAFF2, '乙', 30 * 60_000))]);
    expect(outcomes).toEqual([
      { ok: true, batchIds: expect.any(Array) },
      { ok: true, batchIds: expect.any(Array) },
    ]);

    const host = new ServiceHost(openDatabase({ file, key }));
    try {
      const { sqlite } = host.opened;
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 2 * PER_WRITER });
      // rowid order is the order the transactions committed in: each change saw the one before it.
      const rows = sqlite
        .prepare('SELECT status, previous_status, effective_until, reason, changed_by, changed_at, hlc, batch_id FROM building_status_history WHERE building_id = ? ORDER BY rowid')
        .all(id) as { status: string; previous_status: string; effective_until: number | null; reason: string; changed_by: string; changed_at: number; hlc: string; batch_id: string | null }[];
      expect(rows).toHaveLength(1 + 2 * PER_WRITER);
      for (let i = 1; i < rows.length; i++) {
        expect(rows[i]!.previous_status, `change ${i}`).toBe(rows[i - 1]!.status);
        expect(rows[i]!.hlc > rows[i - 1]!.hlc, `change ${i}`).toBe(true);
        expect(rows[i]!.changed_at, `change ${i}`).toBeGreaterThanOrEqual(rows[i - 1]!.changed_at);
      }
      // Each writer's changes, all there and in the order it made them.
      for (const [name, who, outcome] of [['值班员小李', '甲', outcomes[0]!], ['值班员小赵', '乙', outcomes[1]!]] as const) {
        const mine = rows.filter((r) => r.changed_by === name);
        expect(mine.map((r) => r.reason)).toEqual(Array.from({ length: PER_WRITER }, (_, i) => `${who}第${i}次`));
        expect(mine.map((r) => r.batch_id)).toEqual(outcome.ok ? outcome.batchIds : []);
      }
      // The service reads the same order back, newest first, and the last change to commit is current.
      const history = buildingHistory(host.context(STAFF), { id });
      expect(history.map((h) => h.reason)).toEqual(rows.map((r) => r.reason).reverse());
      const last = rows.at(-1)!;
      expect(building(sqlite, id)).toMatchObject({ status: last.status, status_until: last.effective_until, hlc: last.hlc });
    } finally {
      host.close();
    }
  });
});

describe('a change landing later on a second connection', () => {
  let s: Street;
  let second: ServiceHost;
  beforeEach(() => {
    s = openStreet();
    second = new ServiceHost(openDatabase({ file: s.file }));
  });
  afterEach(() => {
    second.close();
    s.close();
  });

  it('is ordered after the earlier one even when its clock runs behind', () => {
    const id = s.t.buildings[1]!;
    setBuildingStatus(s.ctx(STAFF), { id, status: 'sealed', reason: '甲：封控' }, NOW + HOUR);
    // The second connection's clock is a minute behind, but it lands after the first.
    bulkSetStatus(second.context(STAFF2), { status: 'normal', reason: '乙：解除', selection: { kind: 'buildings', ids: [id, s.t.buildings[2]!] } }, NOW + HOUR - 60_000);
    const history = buildingHistory(second.context(STAFF2), { id });
    expect(history[0]).toMatchObject({ changedBy: '值班员小赵', status: 'normal', previousStatus: 'sealed', changedAt: NOW + HOUR });
    expect(history[1]).toMatchObject({ changedBy: '值班员小李', status: 'sealed' });
    const rows = s.sqlite.prepare('SELECT hlc FROM building_status_history WHERE building_id = ? ORDER BY changed_at DESC, hlc DESC LIMIT 2').pluck().all(id) as string[];
    expect(rows[0]! > rows[1]!).toBe(true);
    expect(building(s.sqlite, id).status).toBe('normal');
  });
});
