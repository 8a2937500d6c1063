import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../../db/auth/vault';
import { runSeed } from '../../../electron/seed/run-seed';
import { FAST_KDF } from '../helpers/runtime';
import { tempDir } from '../helpers/tmp';

describe('encryption at rest', () => {
  it('leaves no resident name or ID number readable in the database files, and sqlite3 cannot open it', () => {
    const dataDir = tempDir();
    runSeed({ dataDir, preset: 'small', seed: 3, password: 'demo-pass-2026', kdf: FAST_KDF });
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    vault.login('admin', 'demo-pass-2026');
    const sqlite = vault.requireOpen().opened.sqlite;
    const people = sqlite.prepare('SELECT name, id_number, phone FROM people WHERE id_number IS NOT NULL LIMIT 50').all() as {
      name: string;
      id_number: string;
      phone: string;
    }[];
    const address = (sqlite.prepare('SELECT address FROM buildings LIMIT 1').get() as { address: string }).address;
    // Write something so the WAL holds pages too, then look at the files while the database is open.
    sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('probe', ?)`).run(people[0]!.name);
    expect(people.length).toBeGreaterThan(10);
    const files = ['griddesk.db', 'griddesk.db-wal'].map((f) => join(dataDir, f)).filter((f) => existsSync(f));
    expect(files.length).toBe(2);
    const probes = [...people.flatMap((p) => [p.name, p.id_number, p.phone]), address, '中山路街道', 'SQLite format 3'];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const probe of probes) expect(bytes.includes(Buffer.from(probe)), `${probe} in ${file}`).toBe(false);
    }
    vault.close();
    const cli = spawnSync('sqlite3', [join(dataDir, 'griddesk.db'), 'SELECT name FROM people LIMIT 1'], { encoding: 'utf8' });
    expect(cli.status).not.toBe(0);
    expect(cli.stderr).toMatch(/not a database|encrypted/);
    // The keyring beside it holds wrapped keys only.
    const keyring = readFileSync(join(dataDir, 'keyring.json'), 'utf8');
    expect(keyring).not.toContain('demo-pass-2026');
    expect(JSON.parse(keyring).slots.length).toBe(6);
  });

  it('refuses a wrong password without opening anything, and locks after five', () => {
    const dataDir = tempDir();
    runSeed({ dataDir, preset: 'small', seed: 3, password: 'demo-pass-2026', kdf: FAST_KDF });
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    for (let i = 0; i < 4; i++) expect(() => vault.login('zhiban', 'wrong-pass-1')).toThrow(/用户名或密码不对/);
    expect(vault.host).toBeNull();
    expect(() => vault.login('zhiban', 'wrong-pass-1')).toThrow(/锁定/);
    expect(() => vault.login('zhiban', 'demo-pass-2026')).toThrow(/锁定/);
    // The lock survives a restart of the process.
    expect(() => new Vault(dataDir, { kdf: FAST_KDF }).login('zhiban', 'demo-pass-2026')).toThrow(/锁定/);
    // Other accounts are not locked; the failed attempts are in the audit log once it opens,
    // folded into one entry with their count (written when their window closes, at the latest on close).
    vault.login('admin', 'demo-pass-2026');
    vault.close();
    const reopened = new Vault(dataDir, { kdf: FAST_KDF });
    reopened.login('admin', 'demo-pass-2026');
    const failed = reopened.requireOpen().opened.sqlite.prepare(`SELECT target, detail FROM audit_log WHERE action = 'auth.login_failed'`).all() as { target: string; detail: string }[];
    expect(failed).toEqual([{ target: 'zhiban', detail: expect.stringContaining('"count":5') }]);
    reopened.close();
  });

  it('changing a password re-wraps only that slot; the recovery code resets the administrator', () => {
    const dataDir = tempDir();
    const { recoveryCode } = runSeed({ dataDir, preset: 'small', seed: 3, password: 'demo-pass-2026', kdf: FAST_KDF });
    const before = JSON.parse(readFileSync(join(dataDir, 'keyring.json'), 'utf8')).slots as { id: string; username?: string }[];
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    const { actor } = vault.login('zhiban', 'demo-pass-2026');
    vault.setPassword(actor, 'zhiban', 'new-secret-99');
    const after = JSON.parse(readFileSync(join(dataDir, 'keyring.json'), 'utf8')).slots as { id: string; username?: string }[];
    const unchanged = (s: { username?: string }) => s.username !== 'zhiban';
    expect(after.filter(unchanged)).toEqual(before.filter(unchanged));
    expect(after.find((s) => s.username === 'zhiban')!.id).not.toBe(before.find((s) => s.username === 'zhiban')!.id);
    vault.close();
    const again = new Vault(dataDir, { kdf: FAST_KDF });
    expect(() => again.login('zhiban', 'demo-pass-2026')).toThrow();
    again.login('zhiban', 'new-secret-99');
    again.close();
    const recovered = new Vault(dataDir, { kdf: FAST_KDF });
    recovered.recover(recoveryCode.toLowerCase(), 'admin', 'after-recovery-1');
    recovered.close();
    expect(new Vault(dataDir, { kdf: FAST_KDF }).login('admin', 'after-recovery-1').account.role).toBe('admin');
  });
});
