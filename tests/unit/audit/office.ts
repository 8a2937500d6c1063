import Database from 'better-sqlite3-multiple-ciphers';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { entryHash, type ChainedFields } from '../../../db/audit/hash';
import { checkAuditChain } from '../../../db/audit/service';
import type { AuditVerification } from '../../../electron/api/audit';
import { actorOf, type AccountRow } from '../../../db/auth/accounts';
import { readKeyring, unwrapSlot } from '../../../db/auth/keyring';
import { Vault } from '../../../db/auth/vault';
import { applyKey } from '../../../db/client/cipher';
import { databaseFile } from '../../../db/host';
import { FAST_KDF, PASSWORD, ROLE_USERS } from '../helpers/runtime';
import { insertMiniTerritory } from '../helpers/territory';
import { tempDir } from '../helpers/tmp';

export { FAST_KDF, PASSWORD, ROLE_USERS };

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A data folder with one account of each role (all with PASSWORD), closed again. */
export function officeWithAccounts(): { dataDir: string; accounts: Record<string, AccountRow> } {
  const dataDir = tempDir('gd-anchor-');
  const vault = new Vault(dataDir, { kdf: FAST_KDF });
  try {
    const { account: admin } = vault.setup({ username: ROLE_USERS.admin, displayName: '管理员', password: PASSWORD });
    const territory = insertMiniTerritory(vault.requireOpen().opened.sqlite, 3);
    const accounts: Record<string, AccountRow> = { [admin.username]: admin };
    for (const [role, username] of Object.entries(ROLE_USERS)) {
      if (role === 'admin') continue;
      accounts[username] = vault.createAccount(actorOf(admin), {
        username,
        displayName: `${username} 用户`,
        role: role as AccountRow['role'],
        password: PASSWORD,
        ...(role === 'grid_worker' ? { gridIds: [territory.grid] } : {}),
      });
    }
    return { dataDir, accounts };
  } finally {
    vault.close();
  }
}

/** Signs in and out, as people do over a day: each sign-in is an audit entry. */
export function signIns(dataDir: string, usernames: string[]): void {
  const vault = new Vault(dataDir, { kdf: FAST_KDF });
  try {
    for (const username of usernames) vault.login(username, PASSWORD);
  } finally {
    vault.close();
  }
}

/** The database opened as an attacker with a copy of the folder would: with the key one account's password unwraps. */
export function openAs(dataDir: string, username: string, password = PASSWORD): Database.Database {
  const slot = readKeyring(dataDir)!.slots.find((s) => s.kind === 'account' && s.username === username)!;
  const key = unwrapSlot(slot, password);
  if (!key) throw new Error(`${username} 的密码打不开密钥槽`);
  const sqlite = new Database(databaseFile(dataDir));
  applyKey(sqlite, key);
  return sqlite;
}

type Row = ChainedFields & { hash: string };

/**
 * The rewrite of the report: drop the guards, delete entries, renumber and recompute the whole
 * SHA-256 chain, move the head, put the guards back. Returns how many entries are left.
 */
export function rewriteChain(sqlite: Database.Database, drop: (row: Row) => boolean): number {
  const triggers = sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER ${t.name}`);
  const rows = (sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[]).filter((r) => !drop(r));
  sqlite.exec('DELETE FROM audit_log');
  let prev = '0'.repeat(64);
  const insert = sqlite.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, actor_role, action, target, detail, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @actor_name, @actor_role, @action, @target, @detail, @prev_hash, @hash)`,
  );
  rows.forEach((row, i) => {
    const fields: ChainedFields = { ...row, seq: i + 1, prev_hash: prev };
    const hash = entryHash(fields);
    insert.run({ ...fields, hash });
    prev = hash;
  });
  sqlite.prepare(`UPDATE meta SET value = ? WHERE key = 'audit.head'`).run(`${rows.length}:${prev}`);
  for (const t of triggers) sqlite.exec(t.sql);
  return rows.length;
}

/** `griddesk audit verify` in its own process, as the administrator. */
export function auditVerifyCli(dataDir: string) {
  return spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'electron/cli/main.ts'), 'audit', 'verify', '--data-dir', dataDir, '--user', 'admin'], {
    encoding: 'utf8',
    env: { ...process.env, GRIDDESK_PASSWORD: PASSWORD },
  });
}

/** `audit verify` as the service answers it to the administrator signing in now. */
export function verifyAsAdmin(dataDir: string): AuditVerification {
  const vault = new Vault(dataDir, { kdf: FAST_KDF });
  try {
    const { actor } = vault.login('admin', PASSWORD);
    return checkAuditChain(vault.requireOpen().context(actor));
  } finally {
    vault.close();
  }
}

/** The first problem of a verification that must have failed. */
export function firstBad(result: AuditVerification): Extract<AuditVerification, { ok: false }>['firstBad'] {
  if (result.ok) throw new Error(`the chain verified (${result.entries} entries) though it should not have`);
  return result.firstBad;
}
