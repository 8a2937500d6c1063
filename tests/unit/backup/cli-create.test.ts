import { spawnSync } from 'node:child_process';
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { actorOf } from '../../../db/auth/accounts';
import { Vault } from '../../../db/auth/vault';
import { checkedBackups } from '../../../db/backup/checked';
import { backupCommand, CREATE_EXIT, unlockKey, type BackupCliIo } from '../../../db/backup/cli';
import { listBackups, verifyBackup } from '../../../db/backup/list';
import { openDatabase } from '../../../db/client/open';
import { databaseFile } from '../../../db/host';
import { tempDir } from '../helpers/tmp';
import { damagePage, insertPerson } from './fixtures';

const PASSWORD = 'admin-pass-2026';
const STAFF_PASSWORD = 'staff-pass-2026';
const KDF = { N: 1024, r: 8, p: 1 };

/** A data directory as the app makes it (keyring, an administrator, a staff account, some residents), closed. */
function vaultDataDir() {
  const dataDir = tempDir('gd-cli-create-');
  const vault = new Vault(dataDir, { kdf: KDF });
  const { account } = vault.setup({ username: 'admin', displayName: '管理员', password: PASSWORD });
  vault.createAccount(actorOf(account), { username: 'zhiban', displayName: '值班员', role: 'staff', password: STAFF_PASSWORD });
  const sqlite = vault.requireOpen().opened.sqlite;
  sqlite.transaction(() => {
    for (let i = 0; i < 300; i++) insertPerson(sqlite, `居民${i}`, `37020219800101${String(i).padStart(4, '0')}`);
  })();
  const peoplePage = sqlite.prepare(`SELECT rootpage FROM sqlite_master WHERE name = 'people'`).pluck().get() as number;
  vault.close();
  return { dataDir, peoplePage, key: unlockKey(dataDir, { username: 'admin', password: PASSWORD }) };
}

/** A terminal that must never be asked: a scheduled task has none. */
function unattended() {
  const out: string[] = [];
  const err: string[] = [];
  const io: BackupCliIo = { out: (l) => out.push(l), err: (l) => err.push(l), readSecret: () => Promise.reject(new Error('asked for a secret')) };
  return { io, out, err };
}

function passwordFile(password: string): string {
  const file = join(tempDir(), 'password.txt');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return file;
}

afterEach(() => {
  delete process.env.GRIDDESK_PASSWORD;
});

describe('griddesk backup create (command-line, for scheduled tasks)', () => {
  it('makes a checked, audited backup with the password from a file, asking nothing', async () => {
    const { dataDir, key } = vaultDataDir();
    const t = unattended();
    expect(await backupCommand(['create', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile(PASSWORD)], '/unused', t.io)).toBe(CREATE_EXIT.made);
    expect(t.err).toEqual([]);
    const [made] = listBackups(dataDir);
    expect(made).toMatchObject({ reason: 'manual', encrypted: true });
    expect(t.out.join('\n')).toContain(made!.name);
    expect(verifyBackup(made!.file, key).ok).toBe(true);
    expect(checkedBackups(dataDir)(made!)).toBe(true);
    expect(statSync(made!.file).mode & 0o777).toBe(0o600);
    const opened = openDatabase({ file: databaseFile(dataDir), key });
    const audit = opened.sqlite.prepare(`SELECT actor_name, target FROM audit_log WHERE action = 'backup.create'`).all();
    opened.close();
    expect(audit).toEqual([{ actor_name: '管理员', target: made!.name }]);
  });

  it('takes the password from GRIDDESK_PASSWORD too, and warns about a password file others can read', async () => {
    const { dataDir } = vaultDataDir();
    process.env.GRIDDESK_PASSWORD = PASSWORD;
    const env = unattended();
    expect(await backupCommand(['create', '--data-dir', dataDir, '--user', 'admin'], '/unused', env.io)).toBe(CREATE_EXIT.made);

    const file = passwordFile(PASSWORD);
    chmodSync(file, 0o644);
    const loose = unattended();
    expect(await backupCommand(['create', '--data-dir', dataDir, '--user', 'admin', '--password-file', file], '/unused', loose.io)).toBe(CREATE_EXIT.made);
    expect(loose.err.join('\n')).toMatch(/其他用户也能读取，建议 chmod 600/);
    expect(listBackups(dataDir)).toHaveLength(2);
  });

  it('answers a wrong password or a non-administrator with 4, a missing --user with 2, and saves nothing', async () => {
    const { dataDir } = vaultDataDir();
    const wrong = unattended();
    expect(await backupCommand(['create', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile('nope-nope-1')], '/unused', wrong.io)).toBe(CREATE_EXIT.refused);
    expect(wrong.err.join('\n')).toMatch(/用户名或密码不对/);
    const staff = unattended();
    expect(await backupCommand(['create', '--data-dir', dataDir, '--user', 'zhiban', '--password-file', passwordFile(STAFF_PASSWORD)], '/unused', staff.io)).toBe(CREATE_EXIT.refused);
    expect(staff.err.join('\n')).toMatch(/没有「.+」的权限/);
    const noUser = unattended();
    expect(await backupCommand(['create', '--data-dir', dataDir], '/unused', noUser.io)).toBe(CREATE_EXIT.usage);
    expect(noUser.err.join('\n')).toMatch(/--user/);
    expect(listBackups(dataDir)).toEqual([]);
  });

  it('refuses a damaged database with 3, saying so, and keeps the good backups', async () => {
    const { dataDir, peoplePage } = vaultDataDir();
    const args = ['create', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile(PASSWORD)];
    expect(await backupCommand(args, '/unused', unattended().io)).toBe(CREATE_EXIT.made);
    const good = listBackups(dataDir);
    damagePage(databaseFile(dataDir), peoplePage);
    const t = unattended();
    expect(await backupCommand(args, '/unused', t.io)).toBe(CREATE_EXIT.damaged);
    expect(t.err.join('\n')).toMatch(/数据库文件已损坏（完整性检查未通过/);
    expect(listBackups(dataDir)).toEqual(good);
  });

  it('runs from the command-line entry `griddesk help` lists it in, exiting with its code', () => {
    const { dataDir } = vaultDataDir();
    const cli = join(process.cwd(), 'electron/cli/main.ts');
    const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'backup', 'create', '--data-dir', dataDir, '--user', 'admin'], {
      encoding: 'utf8',
      env: { ...process.env, GRIDDESK_PASSWORD: PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^已备份为 .+griddesk-\d{8}-\d{6}-manual\.db/);
  });
});
