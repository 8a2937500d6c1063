import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeRuntime, signIn } from '../helpers/runtime';

describe('backups through the contract', () => {
  it('an administrator backs up, changes data, and restores: the change is gone, the old file set aside, both audited', async () => {
    const { runtime } = makeRuntime();
    const admin = await signIn(runtime, 'admin');
    const made = await admin.runJob('backups.create');
    expect(made).toMatchObject({ ok: true, result: { reason: 'manual', encrypted: true } });
    const name = (made as { result: { name: string } }).result.name;

    const sqlite = () => runtime.vault.requireOpen().opened.sqlite;
    sqlite().prepare(`UPDATE buildings SET name = '被误改的楼' WHERE 1`).run();
    const restored = await admin.runJob('backups.restore', { name });
    expect(restored).toMatchObject({ ok: true, result: { restoredFrom: name } });
    const setAside = (restored as { result: { setAsideAs: string } }).result.setAsideAs;
    expect(existsSync(setAside)).toBe(true);
    const names = sqlite().prepare('SELECT DISTINCT name FROM buildings').all() as { name: string }[];
    expect(names.map((n) => n.name)).not.toContain('被误改的楼');
    // The same session goes on working on the restored database.
    const log = await admin.call('audit.query', { action: 'backup.restore', limit: 5 });
    expect(log).toMatchObject({ ok: true });
    expect((log as { result: { entries: unknown[] } }).result.entries.length).toBe(1);
    const list = await admin.call('backups.list');
    expect((list as { result: { reason: string }[] }).result.map((b) => b.reason)).toEqual(expect.arrayContaining(['manual', 'pre-restore']));
    runtime.close();
  });

  it('refuses other roles, unknown names and paths outside the backups folder, changing nothing', async () => {
    const { runtime } = makeRuntime();
    const leader = await signIn(runtime, 'lingdao');
    expect(await leader.call('backups.list')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await leader.call('backups.create')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = await signIn(runtime, 'admin');
    expect(await admin.call('backups.restore', { name: '../griddesk.db' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'name' } });
    expect(await admin.call('backups.restore', { name: 'griddesk-20990101-000000-manual.db' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    runtime.close();
  });
});
