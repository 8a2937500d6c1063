import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actorOf } from '../../../db/auth/accounts';
import { Vault } from '../../../db/auth/vault';
import { backupCommand, unlockKey, type BackupCliIo } from '../../../db/backup/cli';
import { createBackup } from '../../../db/backup/create';
import { openDatabase } from '../../../db/client/open';
import { databaseFile } from '../../../db/host';
import { fileState, tempDir } from '../helpers/tmp';
import { NAME, insertPerson, peopleNames } from './fixtures';

const PASSWORD = 'admin-pass-2026';
const STAFF_PASSWORD = 'staff-pass-2026';
const KDF = { N: 1024, r: 8, p: 1 };

/** A real data directory as the app makes it: keyring, admin, a staff account, one backup, then a change. */
async function vaultDataDir() {
  const dataDir = tempDir('gd-cli-');
  const vault = new Vault(dataDir, { kdf: KDF });
  const { recoveryCode, account } = vault.setup({ username: 'admin', displayName: '管理员', password: PASSWORD });
  vault.createAccount(actorOf(account), { username: 'zhiban', displayName: '值班员', role: 'staff', password: STAFF_PASSWORD });
  vault.close();
  const key = unlockKey(dataDir, { username: 'admin', password: PASSWORD });
  const opened = openDatabase({ file: databaseFile(dataDir), key });
  insertPerson(opened.sqlite);
  const backup = await createBackup(opened.sqlite, { dataDir, key, reason: 'manual', now: new Date(2026, 8, 9, 10, 11, 12) });
  opened.sqlite.prepare('DELETE FROM people').run();
  opened.close();
  return { dataDir, key, recoveryCode, backup };
}

function io(secrets: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  const value: BackupCliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    readSecret: async (prompt) => {
      asked.push(prompt);
      return secrets.shift() ?? '';
    },
  };
  return { io: value, out, err, asked };
}

describe('griddesk backup (command-line)', () => {
  it('lists backups without asking for a secret, and verifies them with a password', async () => {
    const { dataDir, backup } = await vaultDataDir();
    const plain = io();
    expect(await backupCommand(['list', '--data-dir', dataDir], '/unused', plain.io)).toBe(0);
    expect(plain.asked).toEqual([]);
    expect(plain.out.join('\n')).toMatch(new RegExp(`2026-09-09 10:11:12 +手动.*加密 +${backup.name}`));

    const verified = io([PASSWORD]);
    expect(await backupCommand(['list', '--data-dir', dataDir, '--verify', '--user', 'admin'], '/unused', verified.io)).toBe(0);
    expect(verified.out.join('\n')).toMatch(/完好$/m);
  });

  it('restores the newest good backup with the recovery code, setting the current database aside', async () => {
    const { dataDir, key, recoveryCode } = await vaultDataDir();
    const t = io([recoveryCode]);
    expect(await backupCommand(['restore'], dataDir, t.io)).toBe(0);
    expect(t.asked).toEqual(['恢复码：']);
    expect(t.out.join('\n')).toMatch(/已从 .* 恢复.*set-aside/);
    expect(readdirSync(join(dataDir, 'set-aside')).some((f) => f.endsWith('-before-restore.db'))).toBe(true);
    const restored = openDatabase({ file: databaseFile(dataDir), key });
    expect(peopleNames(restored.sqlite)).toEqual([NAME]);
    restored.close();
  });

  it('restores a named backup with an administrator’s password', async () => {
    const { dataDir, backup } = await vaultDataDir();
    const t = io([PASSWORD]);
    expect(await backupCommand(['restore', '--data-dir', dataDir, '--file', backup.name, '--user', 'admin'], '/unused', t.io)).toBe(0);
    expect(t.err).toEqual([]);
  });

  it('refuses a non-administrator, a wrong password, a missing file and a running GridDesk, changing nothing', async () => {
    const { dataDir, backup } = await vaultDataDir();
    const file = databaseFile(dataDir);
    const before = fileState(file);

    const staff = io([STAFF_PASSWORD]);
    expect(await backupCommand(['restore', '--data-dir', dataDir, '--user', 'zhiban'], '/unused', staff.io)).toBe(1);
    expect(staff.err.join('\n')).toMatch(/不是管理员/);

    const wrong = io(['not-the-password-1']);
    expect(await backupCommand(['restore', '--data-dir', dataDir, '--user', 'admin', '--file', backup.file], '/unused', wrong.io)).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/用户名或密码不对/);

    const missing = io([PASSWORD]);
    expect(await backupCommand(['restore', '--data-dir', dataDir, '--user', 'admin', '--file', 'nope.db'], '/unused', missing.io)).toBe(1);
    expect(missing.err.join('\n')).toMatch(/找不到备份文件/);
    expect(missing.asked).toEqual([]);

    writeFileSync(join(dataDir, 'griddesk.lock'), JSON.stringify({ pid: process.ppid, openedAt: new Date().toISOString(), hostname: hostname() }));
    const running = io([PASSWORD]);
    expect(await backupCommand(['restore', '--data-dir', dataDir, '--user', 'admin'], '/unused', running.io)).toBe(1);
    expect(running.err.join('\n')).toMatch(/正在使用这个数据目录/);

    expect(fileState(file)).toBe(before);
    expect(existsSync(join(dataDir, 'set-aside'))).toBe(false);
  });

  it('prints usage and rejects unknown subcommands', async () => {
    const help = io();
    expect(await backupCommand([], '/unused', help.io)).toBe(0);
    expect(help.out.join('\n')).toMatch(/griddesk backup list/);
    const bad = io();
    expect(await backupCommand(['shred'], '/unused', bad.io)).toBe(2);
    expect(await backupCommand(['list', '--force'], '/unused', bad.io)).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--force/);
  });
});
