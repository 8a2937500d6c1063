import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorFilePath, readAnchors, signAnchor, type Anchor } from '../../../db/audit/anchor-record';
import { checkAuditChain } from '../../../db/audit/service';
import { readKeyring, slotKey, openSlotWith } from '../../../db/auth/keyring';
import { Vault } from '../../../db/auth/vault';
import { newOfficeKey } from '../../../db/office-key/key';
import { auditVerifyCli, FAST_KDF, firstBad, officeWithAccounts, openAs, PASSWORD, rewriteChain, signIns, verifyAsAdmin } from './office';

/** A day at the office: sign-ins of every role, each administrator and data officer sign-in leaving an anchor. */
function busyOffice() {
  const office = officeWithAccounts();
  signIns(office.dataDir, ['lingdao', 'wangge', 'admin', 'zhiban', 'shuju', 'wangge', 'lingdao', 'admin']);
  return office;
}

describe('the rewrite with a leader’s or grid worker’s password', () => {
  it('their slots open the database but hold no office key; administrators’ and data officers’ do', () => {
    const { dataDir } = officeWithAccounts();
    const keyring = readKeyring(dataDir)!;
    const opened = (username: string) => {
      const slot = keyring.slots.find((s) => s.username === username)!;
      return openSlotWith(slot, slotKey(slot, PASSWORD)!)!;
    };
    for (const username of ['lingdao', 'wangge', 'zhiban']) {
      expect(opened(username).dbKey).toHaveLength(32);
      expect(opened(username).office).toBeNull();
      expect(keyring.slots.find((s) => s.username === username)!.office).toBeUndefined();
    }
    for (const username of ['admin', 'shuju']) expect(opened(username).office?.keyId.toString('hex')).toBe(keyring.officeKey!.keyId);
    expect(keyring.slots.find((s) => s.kind === 'recovery')!.office).toBeDefined();
    expect(readFileSync(join(dataDir, 'office-key.pub'), 'utf8')).toMatch(/^untrusted comment: minisign public key [0-9A-F]{16}\nRW[QRST]/);
  });

  it('is caught by audit verify, which names the first anchor that no longer matches', () => {
    const { dataDir } = busyOffice();
    const intact = auditVerifyCli(dataDir);
    expect(intact.stdout).toMatch(/审计链完整/);
    expect(intact.stdout).toMatch(/已核对 \d+ 个签名锚点/);
    expect(intact.status).toBe(0);

    const sqlite = openAs(dataDir, 'lingdao');
    // The leader reads everyone's data…
    expect(sqlite.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 5 });
    // …and removes the grid worker's sign-ins from the log, recomputing the chain around the gap.
    const left = rewriteChain(sqlite, (row) => row.target === 'wangge');
    sqlite.close();
    expect(left).toBeGreaterThan(5);

    const caught = auditVerifyCli(dataDir);
    expect(caught.stderr).toMatch(/审计链被破坏：第 \d+ 个锚点（.*签名）确认的第 \d+ 条审计记录/);
    expect(caught.stderr).toMatch(/anchor-mismatch/);
    expect(caught.status).toBe(3);
  });

  it('is caught when the anchors are deleted from the table too: the anchor file beside the database still has the newest', () => {
    const { dataDir } = busyOffice();
    const sqlite = openAs(dataDir, 'wangge');
    rewriteChain(sqlite, (row) => row.action === 'auth.login' && row.target === 'lingdao');
    sqlite.exec('DROP TRIGGER audit_anchors_no_delete');
    sqlite.exec('DELETE FROM audit_anchors');
    sqlite.close();

    const bad = firstBad(verifyAsAdmin(dataDir));
    expect(bad.problem).toBe('anchor-missing');
    expect(bad.message).toMatch(/已从数据库中删除（锚点文件 audit-anchor.json中仍有它）/);
  });

  it('is caught when the anchor file goes as well, and when the attacker signs new anchors with a key of their own', () => {
    const { dataDir } = busyOffice();
    const sqlite = openAs(dataDir, 'lingdao');
    rewriteChain(sqlite, (row) => row.target === 'wangge');
    const kept = readAnchors(sqlite);
    sqlite.exec('DROP TRIGGER audit_anchors_no_delete');
    sqlite.exec('DROP TRIGGER audit_anchors_no_replace');
    sqlite.exec('DELETE FROM audit_anchors');
    // New anchors over the rewritten chain, signed with a key the attacker made.
    const head = (sqlite.prepare(`SELECT value FROM meta WHERE key = 'audit.head'`).pluck().get() as string).split(':');
    const forger = newOfficeKey();
    const forged: Anchor = signAnchor(forger, { ...kept[0]!, key_id: kept[0]!.key_id, audit_seq: Number(head[0]), audit_hash: head[1]!, detail: null });
    sqlite
      .prepare('INSERT INTO audit_anchors VALUES (@seq, @at, @reason, @actor_id, @actor_name, @audit_seq, @audit_hash, @prev_anchor, @key_id, @detail, @hash, @signature)')
      .run(forged);
    sqlite.close();
    rmSync(anchorFilePath(dataDir));

    const result = verifyAsAdmin(dataDir);
    expect(firstBad(result)).toMatchObject({ problem: 'anchor-forged', anchor: 1 });
    expect(result.anchors?.keyConfirmed).toBe(true);
  });

  it('a backup carries an anchor, so deleting every anchor in the folder still leaves one to hold the chain to', async () => {
    const { dataDir } = busyOffice();
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    const { actor } = vault.login('admin', PASSWORD);
    await vault.backupNow(actor);
    vault.close();
    signIns(dataDir, ['zhiban', 'admin']);

    const sqlite = openAs(dataDir, 'lingdao');
    rewriteChain(sqlite, (row) => row.target === 'wangge');
    sqlite.exec('DROP TRIGGER audit_anchors_no_delete');
    sqlite.exec('DELETE FROM audit_anchors');
    sqlite.close();
    rmSync(anchorFilePath(dataDir));

    const again = new Vault(dataDir, { kdf: FAST_KDF });
    const signedIn = again.login('admin', PASSWORD);
    // The sign-in does not sign the rewritten chain: no anchor is written, and the refusal is logged.
    expect(existsSync(anchorFilePath(dataDir))).toBe(false);
    expect(readAnchors(again.requireOpen().opened.sqlite)).toEqual([]);
    expect(again.requireOpen().opened.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'audit.anchor_refused'`).pluck().get()).toBe(1);
    const bad = firstBad(checkAuditChain(again.requireOpen().context(signedIn.actor)));
    again.close();
    expect(bad.problem).toBe('anchor-missing');
    expect(bad.message).toMatch(/备份 griddesk-.*-manual\.db中仍有它/);
  });

  it('an untouched office verifies with its anchors from the database, the file and the backups', async () => {
    const { dataDir } = busyOffice();
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    const { actor } = vault.login('admin', PASSWORD);
    await vault.backupNow(actor);
    const result = checkAuditChain(vault.requireOpen().context(actor));
    vault.close();
    expect(result).toMatchObject({ ok: true, restores: [], anchors: { keyConfirmed: true, replaced: [], warnings: [] } });
    // setup, three administrator / data officer sign-ins in the day, this sign-in, the backup
    expect(result.anchors?.checked).toBe(6);
    expect(result.anchors?.latest).toMatchObject({ seq: 6, reason: 'backup' });
  });
});
