import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAnchors } from '../../../db/audit/anchor-record';
import { parseHead } from '../../../db/audit/head';
import { checkAuditChain } from '../../../db/audit/service';
import { unlockKey } from '../../../db/backup/cli';
import { restoreBackup } from '../../../db/backup/restore';
import { Vault } from '../../../db/auth/vault';
import { FAST_KDF, officeWithAccounts, PASSWORD, signIns } from './office';

type Sqlite = ReturnType<Vault['requireOpen']>['opened']['sqlite'];

const head = (sqlite: Sqlite) => parseHead(sqlite.prepare(`SELECT value FROM meta WHERE key = 'audit.head'`).pluck().get() as string)!;
const seqs = (sqlite: Sqlite) => sqlite.prepare('SELECT seq FROM audit_log ORDER BY seq').pluck().all() as number[];
const restoreEntry = (sqlite: Sqlite) =>
  sqlite.prepare(`SELECT seq, actor_name, detail FROM audit_log WHERE action = 'backup.restore' AND detail LIKE '%"phase":"after"%'`).get() as
    | { seq: number; actor_name: string; detail: string }
    | undefined;

/** An office with a backup, then a busy day after it (more entries, more anchors). */
async function officeWithBackupThenMore() {
  const { dataDir } = officeWithAccounts();
  signIns(dataDir, ['lingdao', 'admin']);
  const vault = new Vault(dataDir, { kdf: FAST_KDF });
  const { actor } = vault.login('admin', PASSWORD);
  const backup = await vault.backupNow(actor);
  const atBackup = head(vault.requireOpen().opened.sqlite);
  vault.close();
  signIns(dataDir, ['wangge', 'admin', 'lingdao', 'shuju', 'wangge', 'zhiban', 'admin']);
  return { dataDir, backup: backup.name, atBackup };
}

describe('a restore keeps its trace', () => {
  it('the restored chain records the restore, continues after the replaced chain’s numbers, and verify names the replaced anchors', async () => {
    const { dataDir, backup, atBackup } = await officeWithBackupThenMore();
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    const { actor } = vault.login('admin', PASSWORD);
    const before = head(vault.requireOpen().opened.sqlite);
    const anchorsBefore = readAnchors(vault.requireOpen().opened.sqlite).length;

    const out = await vault.restoreFrom(actor, backup);
    const sqlite = vault.requireOpen().opened.sqlite;
    const entry = restoreEntry(sqlite)!;
    const detail = JSON.parse(entry.detail) as { backup: string; setAsideAs: string; replacedHead: { seq: number }; restoredHead: { seq: number } };
    expect(entry.actor_name).toBe('管理员');
    expect(detail.backup).toBe(backup);
    expect(detail.setAsideAs).toBe(out.setAsideAs);
    expect(existsSync(detail.setAsideAs)).toBe(true);
    // The replaced chain ended after `before` with the restore's own "before" entry.
    expect(detail.replacedHead.seq).toBe(before.seq + 1);
    // The backup holds the chain up to just before its own entry (`backup.create`, written after the copy).
    expect(detail.restoredHead.seq).toBe(atBackup.seq - 1);
    expect(entry.seq).toBe(detail.replacedHead.seq + 1);
    // No number of the replaced chain is used twice.
    expect(seqs(sqlite).filter((s) => s > detail.restoredHead.seq && s < entry.seq)).toEqual([]);

    const verified = checkAuditChain(vault.requireOpen().context(actor));
    expect(verified.ok).toBe(true);
    expect(verified.restores).toHaveLength(1);
    expect(verified.restores[0]).toMatchObject({ seq: entry.seq, backup, skipped: [detail.restoredHead.seq + 1, detail.replacedHead.seq], signed: true });
    const replaced = verified.restores[0]!.replacedAnchors!;
    expect(replaced[1]).toBeGreaterThanOrEqual(anchorsBefore);
    expect(verified.anchors?.replaced.length).toBeGreaterThan(0);
    expect(verified.anchors?.latest).toMatchObject({ reason: 'restore', auditSeq: entry.seq });
    vault.close();

    // Signing in afterwards goes on from there: numbers and anchors.
    const later = new Vault(dataDir, { kdf: FAST_KDF });
    const again = later.login('admin', PASSWORD);
    const laterSqlite = later.requireOpen().opened.sqlite;
    expect(seqs(laterSqlite).at(-1)).toBe(entry.seq + 1);
    const check = checkAuditChain(later.requireOpen().context(again.actor));
    later.close();
    expect(check).toMatchObject({ ok: true, anchors: { latest: { reason: 'sign-in', auditSeq: entry.seq + 1 } } });
  });

  it('a restore from the command line, without the office key, is recorded too and confirmed by the next administrator sign-in', async () => {
    const { dataDir, backup } = await officeWithBackupThenMore();
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    vault.login('admin', PASSWORD);
    const before = head(vault.requireOpen().opened.sqlite);
    vault.close();

    const key = unlockKey(dataDir, { username: 'admin', password: PASSWORD });
    const result = restoreBackup({ dataDir, backupFile: `${dataDir}/backups/${backup}`, key });
    expect(result.trace).toEqual({ seq: before.seq + 1, anchored: false });

    const after = new Vault(dataDir, { kdf: FAST_KDF });
    const { actor } = after.login('admin', PASSWORD);
    const sqlite = after.requireOpen().opened.sqlite;
    expect(restoreEntry(sqlite)).toMatchObject({ seq: before.seq + 1, actor_name: '系统' });
    expect(seqs(sqlite).at(-1)).toBe(before.seq + 2);
    const verified = checkAuditChain(after.requireOpen().context(actor));
    after.close();
    expect(verified.ok).toBe(true);
    expect(verified.restores[0]).toMatchObject({ seq: before.seq + 1, signed: false, replacedHead: before });
    // The replaced chain's anchors are only in the set-aside file now; the next one goes on from their numbers.
    const [, lastReplaced] = verified.restores[0]!.replacedAnchors!;
    expect(verified.anchors?.latest).toMatchObject({ seq: lastReplaced + 1, reason: 'sign-in' });
    expect(verified.anchors?.warnings.join('')).toMatch(/恢复没有在恢复时签名/);
  });
});
