import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRuntime, signIn, type TestRuntime } from '../helpers/runtime';

let t: TestRuntime;
beforeEach(() => {
  t = makeRuntime();
});
afterEach(() => t.runtime.close());

describe('backups through the contract', () => {
  it('an administrator backs up, changes data, and restores: the change is gone, the old file set aside, both audited', async () => {
    const { runtime } = t;
    const admin = await signIn(runtime, 'admin');
    const made = await admin.callJob('backups.create');
    expect(made).toMatchObject({ reason: 'manual', encrypted: true, checked: true });

    const sqlite = () => runtime.vault.requireOpen().opened.sqlite;
    sqlite().prepare(`UPDATE buildings SET name = '被误改的楼' WHERE 1`).run();
    const restored = await admin.callJob('backups.restore', { name: made.name });
    expect(restored).toMatchObject({ restoredFrom: made.name });
    expect(restored.setAsideAs).not.toBeNull();
    expect(existsSync(restored.setAsideAs!)).toBe(true);
    const names = sqlite().prepare('SELECT DISTINCT name FROM buildings').pluck().all() as string[];
    expect(names).toEqual(expect.arrayContaining(['1号楼', '2号楼', '3号楼']));
    expect(names).not.toContain('被误改的楼');
    // The same session goes on working on the restored database.
    const log = await admin.call('audit.query', { action: 'backup.restore', limit: 5 });
    expect(log.entries).toHaveLength(1);
    const list = await admin.call('backups.list');
    expect(list.map((b) => b.reason)).toEqual(expect.arrayContaining(['manual', 'pre-restore']));
    expect(list.find((b) => b.name === made.name)).toMatchObject({ checked: true });

    // A file changed since its check is shown as not checked.
    appendFileSync(join(t.dataDir, 'backups', made.name), Buffer.alloc(4096));
    expect((await admin.call('backups.list')).find((b) => b.name === made.name)).toMatchObject({ checked: false });
  });

  it('refuses other roles, unknown names and paths outside the backups folder, changing nothing', async () => {
    const { runtime } = t;
    const leader = await signIn(runtime, 'lingdao');
    expect(await leader.reply('backups.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await leader.reply('backups.create')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = await signIn(runtime, 'admin');
    expect(await admin.reply('backups.restore', { name: '../griddesk.db' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } });
    expect(await admin.reply('backups.restore', { name: 'griddesk-20990101-000000-manual.db' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await admin.call('backups.list')).toEqual([]);
  });
});
