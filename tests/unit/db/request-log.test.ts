import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../../db/client/open';
import { REQUEST_KEEP_MS, runOnce } from '../../../db/idempotency/request-log';
import { countRows } from '../helpers/territory';
import { tempDir } from '../helpers/tmp';

let opened: OpenedDatabase;
let file: string;
const T = 1_800_000_000_000;
const key = { id: 'req-0001-abcdef', account: 'acc-staff', method: 'buildings.bulkSetStatus' };

beforeEach(() => {
  file = join(tempDir(), 'griddesk.db');
  opened = openDatabase({ file });
});
afterEach(() => opened.close());

/** A change that writes one meta row per run and says which run it was. */
function writer() {
  let runs = 0;
  return {
    runs: () => runs,
    change: () => {
      runs++;
      opened.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(`run-${runs}`, 'x');
      return { run: runs };
    },
  };
}

describe('runOnce', () => {
  it('keeps the id with the change in one transaction: a change that throws leaves neither', async () => {
    const failing = () => {
      opened.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('half', 'x')`).run();
      throw new Error('disk gone');
    };
    await expect(runOnce(opened.sqlite, key, failing, { now: T })).rejects.toThrow('disk gone');
    expect(countRows(opened.sqlite, 'request_ids')).toBe(0);
    expect(opened.sqlite.prepare(`SELECT count(*) FROM meta WHERE key = 'half'`).pluck().get()).toBe(0);
  });

  it('answers the same id within a day with the first result, and runs it again after a day, pruning the old record', async () => {
    const w = writer();
    expect(await runOnce(opened.sqlite, key, w.change, { now: T })).toEqual({ result: { run: 1 }, alreadyDone: false });
    expect(await runOnce(opened.sqlite, key, w.change, { now: T + REQUEST_KEEP_MS - 1 })).toEqual({ result: { run: 1 }, alreadyDone: true });
    expect(w.runs()).toBe(1);
    const later = { ...key, id: 'req-0002-abcdef' };
    await runOnce(opened.sqlite, later, w.change, { now: T + REQUEST_KEEP_MS + 1 });
    expect(opened.sqlite.prepare('SELECT id FROM request_ids').pluck().all()).toEqual([later.id]);
    expect(await runOnce(opened.sqlite, key, w.change, { now: T + REQUEST_KEEP_MS + 2 })).toEqual({ result: { run: 3 }, alreadyDone: false });
  });

  it('keeps a call that changed nothing in the database (a job started) in memory, per connection', async () => {
    let started = 0;
    const startJob = () => ({ jobId: `job-${++started}` });
    expect(await runOnce(opened.sqlite, key, startJob, { now: T })).toEqual({ result: { jobId: 'job-1' }, alreadyDone: false });
    expect(await runOnce(opened.sqlite, key, startJob, { now: T + 1 })).toEqual({ result: { jobId: 'job-1' }, alreadyDone: true });
    expect(countRows(opened.sqlite, 'request_ids')).toBe(0);
    // After a restart the job it started was interrupted: the retry starts it again.
    opened.close();
    opened = openDatabase({ file });
    expect(await runOnce(opened.sqlite, key, startJob, { now: T + 2 })).toEqual({ result: { jobId: 'job-2' }, alreadyDone: false });
  });

  it('does not wait for another writer to start a job, where an ordinary change must', async () => {
    const other = openDatabase({ file });
    other.sqlite.exec('BEGIN IMMEDIATE');
    opened.sqlite.pragma('busy_timeout = 0');
    try {
      const startJob = () => ({ jobId: 'job-1' });
      expect(await runOnce(opened.sqlite, key, startJob, { job: true, now: T })).toEqual({ result: { jobId: 'job-1' }, alreadyDone: false });
      await expect(runOnce(opened.sqlite, { ...key, id: 'req-0003-abcdef' }, writer().change, { now: T })).rejects.toThrow(/locked|busy/i);
    } finally {
      other.sqlite.exec('ROLLBACK');
      other.close();
    }
  });
});
