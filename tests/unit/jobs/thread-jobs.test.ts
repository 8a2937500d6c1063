import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client/open';
import { openStoredFile } from '../../../db/files/store';
import { databaseFile } from '../../../db/host';
import type { JobInfo } from '../../../electron/api';
import { GridRuntime } from '../../../electron/rpc/runtime';
import { runSeed } from '../../../electron/seed/run-seed';
import { FAST_KDF, signIn } from '../helpers/runtime';
import { tempDir } from '../helpers/tmp';
import { testWorker } from '../helpers/worker-bundle';

const PASSWORD = 'demo-pass-2026';
let template: string;

beforeAll(() => {
  template = tempDir();
  runSeed({ dataDir: template, preset: 'small', seed: 5, password: PASSWORD, kdf: FAST_KDF });
});

/** A runtime over a fresh copy of the seeded street (about 3,500 households), signed in as 值班员. */
async function street() {
  const dataDir = tempDir();
  for (const name of readdirSync(template)) cpSync(join(template, name), join(dataDir, name), { recursive: true });
  const runtime = new GridRuntime(dataDir, { kdf: FAST_KDF, worker: testWorker });
  const staff = await signIn(runtime, 'zhiban', PASSWORD);
  const events: { event: string; payload: unknown }[] = [];
  runtime.onEvent((event, payload) => events.push({ event, payload }));
  const sqlite = () => runtime.vault.requireOpen().opened.sqlite;
  const fingerprint = () => {
    const hash = createHash('sha256');
    for (const t of ['screening_rounds', 'screening_visits', 'audit_log']) hash.update(JSON.stringify(sqlite().prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw().all()));
    return hash.digest('hex');
  };
  return { runtime, staff, events, sqlite, fingerprint, dataDir };
}


describe('jobs in their own thread', () => {
  it('starts a street-wide round in a job thread: progress by chunk, then the round, announced', async () => {
    const s = await street();
    const households = s.sqlite().prepare('SELECT count(*) FROM households WHERE deleted = 0').pluck().get() as number;
    expect(households).toBeGreaterThan(2000);
    const job = await s.staff.call('screening.start', { name: '全街道第三轮', scope: { type: 'street' } });
    expect(job).toMatchObject({ kind: 'screening.start', label: '发起入户摸排' });
    const done = await s.runtime.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'done', result: { name: '全街道第三轮', households } });
    const progress = s.events.filter((e) => e.event === 'jobs.changed').map((e) => e.payload as JobInfo);
    expect(progress.some((p) => p.state === 'running' && p.total === households)).toBe(true);
    expect(s.events.some((e) => e.event === 'data.changed')).toBe(true);
    const round = (done.result as { id: string }).id;
    expect(s.sqlite().prepare('SELECT count(*) FROM screening_visits WHERE round_id = ?').pluck().get(round)).toBe(households);
    s.runtime.close();
  });

  it('rolls back a round cancelled while it writes: the round and the visits written so far are gone, nothing announced', async () => {
    const s = await street();
    const before = s.fingerprint();
    // Hold the write lock from another connection, so the job waits at its first insert…
    const blocker = openDatabase({ file: databaseFile(s.dataDir), key: Buffer.from(s.runtime.vault.jobKey()) });
    blocker.sqlite.exec('BEGIN IMMEDIATE');
    const job = await s.staff.call('screening.start', { scope: { type: 'street' } });
    expect(job.state).toBe('running');
    // …cancel while it waits, then let it write: it sees the cancel after its first 2,000 visits.
    expect(await s.staff.call('jobs.cancel', { id: job.id })).toMatchObject({ id: job.id });
    blocker.sqlite.exec('ROLLBACK');
    blocker.sqlite.close();
    const cancelled = await s.runtime.jobs.wait(job.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', error: null });
    expect(s.fingerprint()).toBe(before);
    expect(s.events.filter((e) => e.event === 'data.changed')).toEqual([]);
    s.runtime.close();
  });

  it('waits its turn behind another writer that holds the database, instead of failing', async () => {
    const s = await street();
    const blocker = openDatabase({ file: databaseFile(s.dataDir), key: Buffer.from(s.runtime.vault.jobKey()) });
    blocker.sqlite.exec('BEGIN IMMEDIATE');
    const job = await s.staff.call('screening.start', { scope: { type: 'street' } });
    // Long enough for the job thread to start and reach its write (it would fail at once if it could not wait).
    await new Promise((r) => setTimeout(r, 2500));
    expect((await s.staff.call('jobs.get', { id: job.id })).state).toBe('running');
    blocker.sqlite.exec('ROLLBACK');
    blocker.sqlite.close();
    expect(await s.runtime.jobs.wait(job.id)).toMatchObject({ state: 'done', error: null });
    s.runtime.close();
  });

  it('exports the street to a file in the store, streamed, that only its owner can read', async () => {
    const s = await street();
    const job = await s.staff.call('buildings.export', { sort: { key: 'address', order: 'asc' } });
    const done = await s.runtime.jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'done', result: { rows: 400 }, file: { name: expect.stringMatching(/^楼栋列表-.*\.xlsx$/) } });
    const file = openStoredFile(s.dataDir, done.file!.fileId, { id: done.ownerId });
    expect(file.size).toBe(done.file!.size);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    expect(wb.getWorksheet('楼栋')!.rowCount).toBe(401);
    expect(() => openStoredFile(s.dataDir, done.file!.fileId, { id: 'someone-else' })).toThrowError(expect.objectContaining({ code: 'NOT_FOUND' }));
    s.runtime.close();
  });

  it('leaves no file and no audit entry behind when an export is cancelled', async () => {
    const s = await street();
    const before = s.fingerprint();
    const job = await s.staff.call('buildings.export', { sort: { key: 'address', order: 'asc' } });
    expect(await s.staff.call('jobs.cancel', { id: job.id })).toMatchObject({ id: job.id });
    expect(await s.runtime.jobs.wait(job.id)).toMatchObject({ state: 'cancelled', file: null });
    expect(readdirSync(join(s.dataDir, 'files'))).toEqual([]);
    expect(s.fingerprint()).toBe(before);
    s.runtime.close();
  });

  it('honours a cancelled backup: no new backup file is kept and nothing is audited', async () => {
    const s = await street();
    const admin = await signIn(s.runtime, 'admin', PASSWORD);
    const backups = () => (existsSync(join(s.dataDir, 'backups')) ? readdirSync(join(s.dataDir, 'backups')).filter((n) => n.includes('-manual')) : []);
    const before = s.fingerprint();
    const job = await admin.call('backups.create', {});
    expect(await admin.call('jobs.cancel', { id: job.id })).toMatchObject({ id: job.id });
    expect(await s.runtime.jobs.wait(job.id)).toMatchObject({ state: 'cancelled' });
    expect(backups()).toEqual([]);
    expect(s.fingerprint()).toBe(before);
    s.runtime.close();
  });

  it('answers a job-starting call at once and lets the service thread go on answering while the job runs', async () => {
    const s = await street();
    const job = await s.staff.call('screening.start', { scope: { type: 'street' } });
    expect(await s.staff.call('system.info', {})).toMatchObject({ mode: 'browser' });
    expect(await s.staff.call('jobs.get', { id: job.id })).toMatchObject({ state: 'running' });
    await s.runtime.jobs.wait(job.id);
    s.runtime.close();
  });
});
