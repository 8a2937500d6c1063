import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorFilePath, readAnchors } from '../../../db/audit/anchor-record';
import { checkAuditChain } from '../../../db/audit/service';
import { keyringPath, openSlotWith, readKeyring, slotKey, type Keyring } from '../../../db/auth/keyring';
import { Vault } from '../../../db/auth/vault';
import { newOfficeKey } from '../../../db/office-key/key';
import { makeGrant } from '../../../db/office-key/slots';
import { makeRuntime, signIn } from '../helpers/runtime';
import { FAST_KDF, officeWithAccounts, openAs, PASSWORD } from './office';

/** What a slot of the keyring on disk opens with the password: does it hold the office key? */
function holdsKey(dataDir: string, username: string): boolean {
  const slot = readKeyring(dataDir)!.slots.find((s) => s.kind === 'account' && s.username === username)!;
  return !!openSlotWith(slot, slotKey(slot, PASSWORD)!)!.office;
}

describe('the office key follows the roles', () => {
  it('a leader made data officer receives it at the next sign-in; a data officer made duty officer, or disabled, loses it at once', async () => {
    const { runtime, dataDir } = makeRuntime();
    try {
      const admin = await signIn(runtime, 'admin');
      const accounts = await admin.call('accounts.list');
      const id = (username: string) => accounts.find((a) => a.username === username)!.id;
      expect(holdsKey(dataDir, 'lingdao')).toBe(false);

      await admin.call('accounts.update', { id: id('lingdao'), role: 'analyst' });
      const granted = readKeyring(dataDir)!.slots.find((s) => s.username === 'lingdao')!;
      expect(granted.officeGrant?.accountId).toBe(id('lingdao'));
      expect(holdsKey(dataDir, 'lingdao')).toBe(false);
      await signIn(runtime, 'lingdao');
      expect(holdsKey(dataDir, 'lingdao')).toBe(true);
      expect(readKeyring(dataDir)!.slots.find((s) => s.username === 'lingdao')!.officeGrant).toBeUndefined();

      expect(holdsKey(dataDir, 'shuju')).toBe(true);
      await admin.call('accounts.update', { id: id('shuju'), role: 'staff' });
      expect(holdsKey(dataDir, 'shuju')).toBe(false);
      await admin.call('accounts.update', { id: id('lingdao'), disabled: true });
      expect(holdsKey(dataDir, 'lingdao')).toBe(false);
    } finally {
      runtime.close();
    }
  });

  it('a role raised in the database file and a grant signed with another key give nothing', () => {
    const { dataDir, accounts } = officeWithAccounts();
    const sqlite = openAs(dataDir, 'lingdao');
    sqlite.prepare(`UPDATE accounts SET role = 'admin' WHERE username = 'lingdao'`).run();
    sqlite.close();
    const keyring = readKeyring(dataDir)!;
    const slot = keyring.slots.find((s) => s.username === 'lingdao')!;
    slot.officeGrant = makeGrant(newOfficeKey(), accounts.lingdao!.id, Date.now());
    writeFileSync(keyringPath(dataDir), JSON.stringify(keyring));

    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    vault.login('admin', PASSWORD);
    vault.login('lingdao', PASSWORD);
    vault.close();
    expect(holdsKey(dataDir, 'lingdao')).toBe(false);
  });

  it('an installation from before the key gets one at the next administrator sign-in, granted to its data officers', () => {
    const { dataDir } = officeWithAccounts();
    // As the file was before: no key anywhere, no anchors.
    const old = readKeyring(dataDir)!;
    const before: Keyring = { format: old.format, version: old.version, cipher: old.cipher, slots: old.slots.map(({ office: _o, officeGrant: _g, ...slot }) => slot) };
    writeFileSync(keyringPath(dataDir), JSON.stringify(before));
    rmSync(anchorFilePath(dataDir));
    rmSync(join(dataDir, 'office-key.pub'));
    const sqlite = openAs(dataDir, 'admin');
    sqlite.exec('DROP TRIGGER audit_anchors_no_delete; DELETE FROM audit_anchors;');
    sqlite.close();

    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    vault.login('wangge', PASSWORD);
    expect(readKeyring(dataDir)!.officeKey).toBeUndefined();
    const { actor } = vault.login('admin', PASSWORD);
    const keyring = readKeyring(dataDir)!;
    expect(keyring.officeKey?.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(holdsKey(dataDir, 'admin')).toBe(true);
    expect(keyring.slots.find((s) => s.username === 'shuju')!.officeGrant).toBeDefined();
    expect(keyring.slots.find((s) => s.username === 'lingdao')!.officeGrant).toBeUndefined();
    vault.login('shuju', PASSWORD);
    expect(holdsKey(dataDir, 'shuju')).toBe(true);
    const db = vault.requireOpen().opened.sqlite;
    expect(db.prepare(`SELECT count(*) FROM audit_log WHERE action = 'office_key.create'`).pluck().get()).toBe(1);
    expect(readAnchors(db).map((a) => a.reason)).toEqual(['sign-in', 'sign-in']);
    expect(readFileSync(join(dataDir, 'office-key.pub'), 'utf8')).toContain(keyring.officeKey!.keyId.match(/../g)!.reverse().join('').toUpperCase());
    expect(checkAuditChain(vault.requireOpen().context(actor))).toMatchObject({ ok: true });
    vault.close();
  });

  it('a backup made as a job carries an anchor signed before it starts; a bundle can ask for one', async () => {
    const { runtime, dataDir } = makeRuntime();
    try {
      const admin = await signIn(runtime, 'admin');
      const sqlite = runtime.vault.requireOpen().opened.sqlite;
      const before = readAnchors(sqlite).length;
      await admin.callJob('backups.create');
      const after = readAnchors(sqlite);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)!.reason).toBe('backup');
      expect(JSON.parse(readFileSync(anchorFilePath(dataDir), 'utf8'))).toMatchObject({ seq: after.at(-1)!.seq, hash: after.at(-1)!.hash });
      const actor = admin.session.actor!;
      expect(runtime.vault.anchorNow(actor, 'bundle')).toMatchObject({ seq: after.at(-1)!.seq + 1, reason: 'bundle' });
    } finally {
      runtime.close();
    }
  });

  it('without the key at hand a bundle cannot be signed: a clear refusal', () => {
    const { dataDir } = officeWithAccounts();
    const vault = new Vault(dataDir, { kdf: FAST_KDF });
    const { actor } = vault.login('lingdao', PASSWORD);
    expect(() => vault.anchorNow(actor, 'bundle')).toThrow(/没有街道办签名密钥/);
    vault.close();
  });
});
