import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseHealth } from '../../../electron/api';
import { dispatch, toApiError } from '../../../electron/rpc/dispatch';
import { GridRuntime } from '../../../electron/rpc/runtime';
import { databaseFile } from '../../../db/host';
import { FAST_KDF, makeRuntime, PASSWORD, signIn } from '../helpers/runtime';
import { fileState } from '../helpers/tmp';
import { testWorker } from '../helpers/worker-bundle';
import { damagePage } from './fixtures';

const open: GridRuntime[] = [];
afterEach(() => {
  for (const rt of open.splice(0)) rt.close();
});

/** A data directory with one good manual backup, closed cleanly; the root page of the status history. */
async function cleanlyClosedWithBackup() {
  const t = makeRuntime();
  const admin = await signIn(t.runtime, 'admin');
  const good = await admin.callJob('backups.create');
  const sqlite = t.runtime.vault.requireOpen().opened.sqlite;
  const historyPage = sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'building_status_history'`).pluck().get() as number;
  t.runtime.close();
  return { ...t, good, historyPage, file: databaseFile(t.dataDir) };
}

function start(dataDir: string): { runtime: GridRuntime; health: DatabaseHealth[] } {
  const runtime = new GridRuntime(dataDir, { kdf: FAST_KDF, worker: testWorker });
  open.push(runtime);
  const health: DatabaseHealth[] = [];
  runtime.onEvent((event, payload) => {
    if (event === 'database.health') health.push(payload as DatabaseHealth);
  });
  return { runtime, health };
}

/** Resolves with the health once the background check has ended. */
async function checked(runtime: GridRuntime): Promise<DatabaseHealth> {
  for (;;) {
    const health = runtime.vault.backups.health.get();
    if (health.state === 'ok' || health.state === 'damaged') return health;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a database damaged after a clean exit', () => {
  it('is found by the check after opening, pushed to windows and shown to administrators with the newest good backup', async () => {
    const { dataDir, good, historyPage, file, territory } = await cleanlyClosedWithBackup();
    damagePage(file, historyPage);

    const { runtime, health } = start(dataDir);
    const admin = await signIn(runtime, 'admin'); // signing in still works: page 1 and the accounts are sound
    const found = await checked(runtime);
    expect(found).toMatchObject({ state: 'damaged', newestGoodBackup: { name: good.name, reason: 'manual' } });
    expect(found.problems.join('\n')).toMatch(/malformed|SQLITE_CORRUPT|unable to get the page/);
    expect(health.map((h) => h.state)).toEqual(['unchecked', 'checking', 'damaged']);
    expect(await admin.call('backups.health')).toEqual(found);
    const jobs = await admin.call('jobs.list', {});
    expect(jobs.find((j) => j.kind === 'database.check')).toMatchObject({ state: 'done', summary: expect.stringMatching(/^数据库已损坏：/) });

    // Administrators only: the banner names files of the backups folder.
    const leader = await signIn(runtime, 'lingdao');
    expect(await leader.reply('backups.health')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // A read of the damaged page says the file is damaged, not "try again".
    const history = await admin.reply('buildings.history', { id: territory.buildings[0]! });
    expect(history).toMatchObject({ ok: false, error: { code: 'DATABASE', key: 'database.damaged', message: expect.stringMatching(/^数据库文件已损坏（SQLITE_CORRUPT\w*）/) } });
    expect(history.ok ? '' : history.error.message).not.toMatch(/请重试/);

    // No backup is made from it, and the good one stays the newest.
    const refused = await admin.reply('backups.create');
    const job = await runtime.jobs.wait((refused as { ok: true; result: { id: string } }).result.id);
    expect(job).toMatchObject({ state: 'failed', error: { key: 'backup.sourceDamaged', message: expect.stringMatching(/^数据库文件已损坏/) } });
    expect((await admin.call('backups.list')).map((b) => b.name)).toEqual([good.name]);

    // The restore the banner leads to: no copy of the damaged file is made, it is set aside, and the check passes.
    const restored = await admin.callJob('backups.restore', { name: good.name });
    expect(existsSync(restored.setAsideAs!)).toBe(true);
    expect(await checked(runtime)).toMatchObject({ state: 'ok', problems: [] });
    expect((await admin.call('backups.list')).map((b) => b.reason)).toEqual(['manual']);
    expect(await admin.call('buildings.history', { id: territory.buildings[0]! })).not.toHaveLength(0);
  });

  it('a restore asked for right after signing in waits for the check instead of being refused', async () => {
    const { dataDir, good } = await cleanlyClosedWithBackup();
    const { runtime } = start(dataDir);
    const admin = await signIn(runtime, 'admin');
    expect(runtime.vault.backups.health.get().state).toBe('checking');
    expect(await admin.callJob('backups.restore', { name: good.name })).toMatchObject({ restoredFrom: good.name });
  });

  it('a sound database passes the check after opening', async () => {
    const { runtime } = start(makeRuntime().dataDir);
    await signIn(runtime, 'admin');
    expect(await checked(runtime)).toMatchObject({ state: 'ok', problems: [], newestGoodBackup: null });
  });

  it('with page 1 damaged refuses to open, names the newest good backup and leaves the file as it was', async () => {
    const { dataDir, good, file } = await cleanlyClosedWithBackup();
    damagePage(file, 1);
    const before = fileState(file);
    const { runtime } = start(dataDir);
    const session = runtime.sessions.create();
    const reply = await dispatch(runtime, session.id, { mode: 'browser' }, 'auth.login', { username: 'admin', password: PASSWORD });
    expect(reply).toMatchObject({ ok: false, error: { code: 'DATABASE', key: 'startup.unreadableWithBackup' } });
    const message = reply.ok ? '' : reply.error.message;
    expect(message).toMatch(/^数据库文件开头（第 1 页）已损坏，无法打开/);
    expect(message).toContain(good.name);
    expect(message).toContain('griddesk backup restore');
    expect(fileState(file)).toBe(before);
    expect(readdirSync(dataDir)).not.toContain('set-aside');
  });
});

describe('SQLite errors that mean damage', () => {
  it('say the file is damaged instead of asking to retry; other codes still say the operation failed', () => {
    for (const code of ['SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_NOTADB']) {
      const error = toApiError(Object.assign(new Error('database disk image is malformed'), { code }));
      expect(error).toMatchObject({ code: 'DATABASE', key: 'database.damaged', params: { sqliteCode: code } });
      expect(error.message).toMatch(/^数据库文件已损坏/);
      expect(error.message).not.toMatch(/请重试/);
    }
    expect(toApiError(Object.assign(new Error('x'), { code: 'SQLITE_IOERR' }))).toMatchObject({ key: 'database.failed' });
  });
});
