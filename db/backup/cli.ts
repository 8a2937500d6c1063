import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { applyKey } from '../client/cipher';
import { openDatabase } from '../client/open';
import { ServiceError } from '../errors';
import { databaseFile } from '../host';
import { accountByUsername, actorOf } from '../auth/accounts';
import { normalizeRecoveryCode, readKeyring, unwrapSlot } from '../auth/keyring';
import { listBackups, verifyBackup, withReadOnly } from './list';
import { backupDir, type BackupInfo, type BackupReason } from './paths';
import { describeSetAside, restoreBackup } from './restore';
import { manualBackup } from './vault-ops';
import { lockHeldByOtherProcess, newestGoodBackup, readLock } from './startup-check';

export const REASON_LABELS: Record<BackupReason, string> = {
  auto: '自动',
  manual: '手动',
  'pre-restore': '恢复前',
  'pre-migrate': '升级前',
};

/** Exit codes of `griddesk backup create`, for scheduled tasks (cron, Task Scheduler). */
export const CREATE_EXIT = { made: 0, failed: 1, usage: 2, damaged: 3, refused: 4 } as const;

export const BACKUP_USAGE = `用法：
  griddesk backup list    [--data-dir DIR] [--verify [--user NAME]]
  griddesk backup create  [--data-dir DIR] --user NAME [--password-file FILE]
  griddesk backup restore [--data-dir DIR] [--file FILE] [--user NAME]

  list      列出备份（最新在前）。--verify 逐个校验（需要密码或恢复码）
  create    立即备份（先做完整性检查，记入审计日志），可在 GridDesk 运行时执行。
            须是管理员（--user）。密码依次取自 --password-file 文件的第一行、
            环境变量 GRIDDESK_PASSWORD，都没有时在终端询问，供计划任务无人值守运行。
            退出码：0 已备份；1 备份失败（未保存任何文件）；2 用法错误；
                    3 数据库已损坏，拒绝备份；4 密码不对或不是管理员
  restore   用备份替换当前数据库；不给 --file 时用最新的完好备份。
            当前数据库移到 set-aside 文件夹（不会删除）。须先关闭 GridDesk。
            需要管理员密码（--user 管理员用户名），不给 --user 时使用恢复码。
  --file    备份文件的路径，或 backups 文件夹里的文件名`;

export interface BackupCliIo {
  out(line: string): void;
  err(line: string): void;
  /** Reads a secret (password, recovery code) without echoing it. */
  readSecret(prompt: string): Promise<string>;
}

const pad = (n: number) => String(n).padStart(2, '0');
function localTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** One line per backup, for the terminal. */
export function formatBackupList(backups: BackupInfo[], verdicts?: Map<string, string>): string[] {
  if (backups.length === 0) return ['（没有备份）'];
  return backups.map((b) =>
    [
      localTime(b.createdAt),
      REASON_LABELS[b.reason].padEnd(3, '　'),
      `${(b.size / 1024 / 1024).toFixed(1).padStart(7)} MB`,
      b.encrypted ? '加密' : '明文',
      b.name,
      ...(verdicts?.has(b.file) ? [verdicts.get(b.file)!] : []),
    ].join('  '),
  );
}

export type Credentials = { username: string; password: string } | { recoveryCode: string };

/** The database key, unwrapped from an account's key slot (password) or the recovery slot. */
export function unlockKey(dataDir: string, credentials: Credentials): Buffer {
  const keyring = readKeyring(dataDir);
  if (!keyring) throw new ServiceError('UNAUTHENTICATED', 'keyring.absent', { dataDir });
  if ('recoveryCode' in credentials) {
    const slot = keyring.slots.find((s) => s.kind === 'recovery');
    const key = slot ? unwrapSlot(slot, normalizeRecoveryCode(credentials.recoveryCode)) : null;
    if (!key) throw new ServiceError('UNAUTHENTICATED', 'recovery.wrongCode', {}, 'recoveryCode');
    return key;
  }
  const slot = keyring.slots.find((s) => s.kind === 'account' && s.username === credentials.username);
  const key = slot ? unwrapSlot(slot, credentials.password) : null;
  if (!key) throw new ServiceError('UNAUTHENTICATED', 'login.wrongPlain', {}, 'password');
  return key;
}

/** Throws FORBIDDEN unless `username` is an enabled administrator in `file` (opened read-only with the key). */
export function requireAdminIn(file: string, key: Buffer, username: string): void {
  const row = withReadOnly(file, (sqlite) => {
    applyKey(sqlite, key);
    return sqlite.prepare<unknown[], { role: string; disabled: number }>('SELECT role, disabled FROM accounts WHERE username = ?').get(username);
  });
  if (!row || row.role !== 'admin' || row.disabled) {
    throw new ServiceError('FORBIDDEN', 'restore.adminOnly', { username });
  }
}

function resolveBackupFile(dataDir: string, file: string): string {
  if (isAbsolute(file) || existsSync(file)) return resolve(file);
  const inBackups = join(backupDir(dataDir), file);
  return existsSync(inBackups) ? inBackups : resolve(file);
}

/** Asks for the admin's password (`--user`) or the recovery code; undefined for a plain data directory. */
async function askKey(dataDir: string, io: BackupCliIo, username: string | undefined): Promise<Buffer | undefined> {
  if (!readKeyring(dataDir)) return undefined;
  if (username) return unlockKey(dataDir, { username, password: await io.readSecret(`「${username}」的密码：`) });
  return unlockKey(dataDir, { recoveryCode: await io.readSecret('恢复码：') });
}

/** `griddesk backup …`; returns the exit code. */
export async function backupCommand(argv: string[], defaultDataDir: string, io: BackupCliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    io.out(BACKUP_USAGE);
    return 0;
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        'data-dir': { type: 'string' },
        file: { type: 'string' },
        user: { type: 'string' },
        verify: { type: 'boolean', default: false },
        'password-file': { type: 'string' },
      },
      strict: true,
    }));
  } catch (err) {
    io.err(`griddesk backup ${sub}: ${(err as Error).message}\n\n${BACKUP_USAGE}`);
    return 2;
  }
  const dataDir = values['data-dir'] ?? defaultDataDir;
  try {
    if (sub === 'list') {
      const backups = listBackups(dataDir);
      let verdicts: Map<string, string> | undefined;
      if (values.verify && backups.length > 0) {
        const key = await askKey(dataDir, io, values.user);
        verdicts = new Map(backups.map((b) => [b.file, verifyBackup(b.file, key).ok ? '完好' : '损坏']));
      }
      io.out(`数据目录 ${dataDir} 的备份：`);
      for (const line of formatBackupList(backups, verdicts)) io.out(line);
      return 0;
    }
    if (sub === 'create') return await createCommand(dataDir, values.user, values['password-file'], io);
    if (sub === 'restore') {
      const lock = readLock(dataDir);
      if (lockHeldByOtherProcess(lock)) {
        io.err(`GridDesk 正在使用这个数据目录（进程 ${lock!.pid}）。请先关闭 GridDesk 再恢复。`);
        return 1;
      }
      const file = values.file ? resolveBackupFile(dataDir, values.file) : undefined;
      if (file && !existsSync(file)) {
        io.err(`找不到备份文件 ${values.file}`);
        return 1;
      }
      const key = await askKey(dataDir, io, values.user);
      const chosen = file ?? newestGoodBackup(dataDir, key)?.file;
      if (!chosen) {
        io.err('没有可用的完好备份');
        return 1;
      }
      // A password proves an account; restoring is for administrators (as in the backup). The
      // recovery code is the administrator's by definition.
      if (key && values.user) {
        const check = verifyBackup(chosen, key);
        if (!check.ok) throw new ServiceError('INVALID_INPUT', 'restore.badBackup', { problem: check.message }, 'file');
        requireAdminIn(chosen, key, values.user);
      }
      const result = restoreBackup({ dataDir, backupFile: chosen, ...(key ? { key } : {}) });
      io.out(`已从 ${result.restoredFrom} 恢复（数据库版本 ${result.schemaVersion}）。${describeSetAside(result)}`);
      return 0;
    }
    io.err(`未知的 backup 子命令「${sub}」\n\n${BACKUP_USAGE}`);
    return 2;
  } catch (err) {
    io.err(`griddesk backup ${sub}: ${(err as Error).message}`);
    return 1;
  }
}

/**
 * The password for a run nobody watches: the first line of `--password-file`, else
 * GRIDDESK_PASSWORD, else asked on the terminal. Never an argument, which other users of the
 * machine could read in the process list.
 */
async function passwordFor(username: string, passwordFile: string | undefined, io: BackupCliIo): Promise<string> {
  if (passwordFile) {
    if (process.platform !== 'win32' && (statSync(passwordFile).mode & 0o077) !== 0) {
      io.err(`注意：密码文件 ${passwordFile} 其他用户也能读取，建议 chmod 600`);
    }
    return readFileSync(passwordFile, 'utf8').split(/\r?\n/)[0] ?? '';
  }
  return process.env.GRIDDESK_PASSWORD ?? (await io.readSecret(`「${username}」的密码：`));
}

/** `griddesk backup create`: an audited backup as an administrator; see CREATE_EXIT. */
async function createCommand(dataDir: string, username: string | undefined, passwordFile: string | undefined, io: BackupCliIo): Promise<number> {
  if (!username) {
    io.err(`griddesk backup create: 请用 --user 给出管理员用户名\n\n${BACKUP_USAGE}`);
    return CREATE_EXIT.usage;
  }
  try {
    const key = unlockKey(dataDir, { username, password: await passwordFor(username, passwordFile, io) });
    const opened = openDatabase({ file: databaseFile(dataDir), key });
    try {
      const account = accountByUsername(opened.sqlite, username);
      if (!account || account.disabled) throw new ServiceError('UNAUTHENTICATED', 'account.disabled', { username });
      const made = await manualBackup(actorOf(account), opened.sqlite, dataDir, key);
      io.out(`已备份为 ${join(backupDir(dataDir), made.name)}（${(made.size / 1024 / 1024).toFixed(1)} MB，已通过完整性检查）`);
      return CREATE_EXIT.made;
    } finally {
      opened.close();
    }
  } catch (err) {
    io.err(`griddesk backup create: ${(err as Error).message}`);
    if (err instanceof ServiceError && err.key === 'backup.sourceDamaged') return CREATE_EXIT.damaged;
    if (err instanceof ServiceError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')) return CREATE_EXIT.refused;
    return CREATE_EXIT.failed;
  }
}

/** Reads a line from the terminal without echo (raw mode), or a plain line when stdin is piped. */
export function readSecretFromTerminal(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  if (!stdin.isTTY) {
    return new Promise((resolveLine) => {
      const rl = createInterface({ input: stdin, terminal: false });
      let answered = false;
      rl.once('line', (line) => {
        answered = true;
        rl.close();
        resolveLine(line);
      });
      rl.once('close', () => {
        if (!answered) resolveLine('');
      });
    });
  }
  return new Promise((resolveSecret, reject) => {
    let value = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') {
          finish();
          resolveSecret(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          reject(new Error('已取消'));
          return;
        }
        value = ch === '\u007f' || ch === '\b' ? value.slice(0, -1) : value + ch;
      }
    };
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** The real terminal: stdout, stderr and a no-echo prompt. */
export function terminalIo(): BackupCliIo {
  return { out: (line) => console.log(line), err: (line) => console.error(line), readSecret: readSecretFromTerminal };
}
