import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { ServiceError } from '../errors';
import { databaseFile, ServiceHost } from '../host';
import { appendAudit } from '../audit/append';
import { accountByUsername, actorOf, checkPasswordStrength, insertAccount, listAccounts, type AccountRow, type NewAccount } from './accounts';
import { emptyKeyring, makeSlot, newRecoveryCode, normalizeRecoveryCode, openSlotWith, readKeyring, slotKey, unwrapSlot, writeKeyring, DEFAULT_KDF, type Keyring, type KeySlot } from './keyring';
import { writeAnchor } from '../audit/anchors';
import type { Anchor, AnchorReason } from '../audit/anchor-record';
import { holdOfficeKey } from '../office-key/held';
import { newOfficeKey, publicPart, writePublicKeyFile, type OfficeKey } from '../office-key/key';
import { grantOffice, holdsOfficeKey, officeAtSignIn } from '../office-key/slots';
import { LockoutBook } from './lockout';
import { BackupKeeper } from '../backup/keeper';
import { restoreBackup } from '../backup/restore';
import { backupToRestore, manualBackup } from '../backup/vault-ops';
import { authorize } from './permissions';
import type { Actor } from './roles';
import type { EventSink } from '../context';
import type { BackupEntry } from '../../electron/api/backups';

export type VaultState = 'setup-required' | 'locked' | 'open';

export interface VaultOptions {
  /** scrypt cost; tests lower it, production keeps the default. */
  kdf?: { N: number; r: number; p: number };
  now?: () => number;
  /** Receives the push events of the services once the database is open. */
  emit?: EventSink;
}

const ANONYMOUS: Actor = { id: 'anonymous', name: '未登录用户', role: 'leader', seesPersonalData: false };

/**
 * The encrypted database of one data directory and the key slots that open it. Until someone
 * signs in, the database key exists nowhere in memory and the file cannot be read.
 */
export class Vault {
  private keyring: Keyring | null;
  private dbKey: Buffer | null = null;
  /** The office signing key, once an administrator or data officer signed in (or a recovery). */
  private office: OfficeKey | null = null;
  private opened: ServiceHost | null = null;
  readonly lockout: LockoutBook;
  readonly backups: BackupKeeper;
  private readonly now: () => number;

  constructor(
    readonly dataDir: string,
    private readonly options: VaultOptions = {},
  ) {
    this.keyring = readKeyring(dataDir);
    this.now = options.now ?? Date.now;
    this.lockout = new LockoutBook(dataDir, this.now);
    this.backups = new BackupKeeper(dataDir);
    const file = databaseFile(dataDir);
    if (!this.keyring && existsSync(file) && statSync(file).size > 0) {
      throw new ServiceError('DATABASE', 'keyring.missing', { dataDir });
    }
  }

  get state(): VaultState {
    if (!this.keyring) return 'setup-required';
    return this.opened ? 'open' : 'locked';
  }

  get host(): ServiceHost | null {
    return this.opened;
  }

  /** First run: creates the database key, the administrator and the recovery code (shown once). */
  setup(admin: { username: string; displayName: string; password: string }): { recoveryCode: string; account: AccountRow } {
    if (this.keyring) throw new ServiceError('CONFLICT', 'setup.done', {});
    const weak = checkPasswordStrength(admin.password);
    if (weak) throw new ServiceError('INVALID_INPUT', weak, {}, 'password');
    const dbKey = randomBytes(32);
    const host = ServiceHost.open(this.dataDir, dbKey, this.options.emit);
    try {
      const account = host.opened.sqlite.transaction(() => {
        const row = insertAccount(host.opened.sqlite, { username: admin.username, displayName: admin.displayName, role: 'admin' });
        appendAudit(host.opened.sqlite, { actor: actorOf(row), action: 'auth.setup', target: row.username });
        return row;
      })();
      const recoveryCode = newRecoveryCode();
      const office = newOfficeKey();
      const keyring: Keyring = { ...emptyKeyring(), officeKey: publicPart(office, this.now()) };
      keyring.slots.push(makeSlot(dbKey, admin.password, { kind: 'account', username: account.username, accountId: account.id }, this.kdf, office));
      keyring.slots.push(makeSlot(dbKey, recoveryCode, { kind: 'recovery' }, this.kdf, office));
      writeKeyring(this.dataDir, keyring);
      writePublicKeyFile(this.dataDir, keyring.officeKey!);
      this.keyring = keyring;
      this.dbKey = dbKey;
      this.opened = host;
      this.holdOffice(office);
      this.backups.afterOpen(host.opened.sqlite, dbKey);
      this.anchor(actorOf(account), 'sign-in');
      return { recoveryCode, account };
    } catch (err) {
      host.close();
      throw err;
    }
  }

  private get kdf() {
    return this.options.kdf ?? DEFAULT_KDF;
  }

  private requireKeyring(): Keyring {
    if (!this.keyring) throw new ServiceError('UNAUTHENTICATED', 'setup.required', {});
    return this.keyring;
  }

  private openWith(key: Buffer): ServiceHost {
    if (this.opened) return this.opened;
    this.backups.beforeOpen(key);
    this.opened = ServiceHost.open(this.dataDir, key, this.options.emit);
    this.dbKey = key;
    this.backups.afterOpen(this.opened.opened.sqlite, key);
    return this.opened;
  }

  /** Password sign-in: unwraps the account's key slot (opening the database on the first one). */
  login(username: string, password: string): { account: AccountRow; actor: Actor } {
    const keyring = this.requireKeyring();
    this.lockout.check(username);
    const slot = keyring.slots.find((s) => s.kind === 'account' && s.username === username);
    const wrapKey = slot ? slotKey(slot, password) : null;
    const unwrapped = slot && wrapKey ? openSlotWith(slot, wrapKey) : null;
    const key = unwrapped?.dbKey ?? null;
    if (!key) {
      const remaining = this.lockout.fail(username);
      this.auditLater({ actor: { ...ANONYMOUS, name: username }, action: 'auth.login_failed', target: username });
      throw new ServiceError(
        'UNAUTHENTICATED',
        ...(remaining > 0 ? (['login.wrong', { remaining }] as const) : (['login.wrongLocked', {}] as const)),
        'password',
      );
    }
    const host = this.openWith(key);
    const account = accountByUsername(host.opened.sqlite, username);
    if (!account || account.disabled) {
      this.auditLater({ actor: { ...ANONYMOUS, name: username }, action: 'auth.login_failed', target: username, detail: { reason: 'disabled' } });
      throw new ServiceError('UNAUTHENTICATED', 'account.disabled', { username }, 'username');
    }
    this.lockout.succeed(username);
    host.opened.sqlite.prepare('UPDATE accounts SET last_login_at = ? WHERE id = ?').run(this.now(), account.id);
    this.flushPendingAudit();
    appendAudit(host.opened.sqlite, { actor: actorOf(account), action: 'auth.login', target: username });
    this.officeAtSignIn(slot!, wrapKey!, unwrapped!.office, account);
    return { account, actor: actorOf(account) };
  }

  /** Checks a password without changing any state (unlocking an idle session). */
  verifyPassword(username: string, password: string): boolean {
    const slot = this.requireKeyring().slots.find((s) => s.kind === 'account' && s.username === username);
    return !!slot && !!unwrapSlot(slot, password);
  }

  /** Adds a key slot for a new account; the caller has already authorised the administrator. */
  createAccount(actor: Actor, input: NewAccount & { password: string }): AccountRow {
    const host = this.requireOpen();
    const weak = checkPasswordStrength(input.password);
    if (weak) throw new ServiceError('INVALID_INPUT', weak, {}, 'password');
    const keyring = this.requireKeyring();
    const account = host.opened.sqlite.transaction(() => {
      const row = insertAccount(host.opened.sqlite, input);
      appendAudit(host.opened.sqlite, { actor, action: 'account.create', target: row.username, detail: { role: row.role, gridIds: row.gridIds } });
      return row;
    })();
    const office = holdsOfficeKey(account) ? this.office : null;
    const slot = makeSlot(this.dbKey!, input.password, { kind: 'account', username: account.username, accountId: account.id }, this.kdf, office);
    const next = grantOffice({ ...keyring, slots: [...keyring.slots, slot] }, account, this.office, this.now());
    writeKeyring(this.dataDir, next);
    this.keyring = next;
    return account;
  }

  /** Re-wraps one account's slot with a new password; nothing else changes. */
  setPassword(actor: Actor, username: string, newPassword: string): void {
    const host = this.requireOpen();
    const weak = checkPasswordStrength(newPassword);
    if (weak) throw new ServiceError('INVALID_INPUT', weak, {}, 'newPassword');
    const keyring = this.requireKeyring();
    const account = accountByUsername(host.opened.sqlite, username);
    if (!account) throw new ServiceError('NOT_FOUND', 'account.noSuchUser', { username }, 'username');
    const slot = makeSlot(this.dbKey!, newPassword, { kind: 'account', username, accountId: account.id }, this.kdf, holdsOfficeKey(account) ? this.office : null);
    const others = keyring.slots.filter((s) => !(s.kind === 'account' && s.username === username));
    const next = grantOffice({ ...keyring, slots: [...others, slot] }, account, this.office, this.now());
    host.opened.sqlite.transaction(() => {
      host.opened.sqlite.prepare('UPDATE accounts SET password_changed_at = ?, updated_at = ? WHERE id = ?').run(this.now(), this.now(), account.id);
      appendAudit(host.opened.sqlite, { actor, action: 'account.password', target: username });
      writeKeyring(this.dataDir, next);
    })();
    this.keyring = next;
    this.lockout.succeed(username);
  }

  /** The recovery code opens the database and sets a new password for an administrator. */
  recover(recoveryCode: string, username: string, newPassword: string): { account: AccountRow; actor: Actor } {
    const keyring = this.requireKeyring();
    const slot = keyring.slots.find((s) => s.kind === 'recovery');
    const wrapKey = slot ? slotKey(slot, normalizeRecoveryCode(recoveryCode)) : null;
    const unwrapped = slot && wrapKey ? openSlotWith(slot, wrapKey) : null;
    const key = unwrapped?.dbKey ?? null;
    if (!key) {
      this.lockout.fail('__recovery__');
      throw new ServiceError('UNAUTHENTICATED', 'recovery.wrongCode', {}, 'recoveryCode');
    }
    const host = this.openWith(key);
    const account = accountByUsername(host.opened.sqlite, username);
    if (!account || account.role !== 'admin') throw new ServiceError('INVALID_INPUT', 'recovery.adminOnly', {}, 'username');
    if (unwrapped!.office) this.holdOffice(unwrapped!.office);
    this.setPassword({ ...actorOf(account), name: `${account.displayName}（恢复码）` }, username, newPassword);
    return { account, actor: actorOf(account) };
  }

  /** Makes a backup now, audited. */
  backupNow(actor: Actor): Promise<BackupEntry> {
    const host = this.requireOpen();
    return manualBackup(actor, host.opened.sqlite, this.dataDir, this.dbKey!);
  }

  /**
   * Replaces the database with a backup: verifies it, backs up the current state, closes,
   * restores (the current file is set aside, never deleted, and the restored log records the
   * restore, signed when the office key is at hand) and reopens with the same key (the key
   * slots stay valid: a backup is never re-keyed).
   */
  async restoreFrom(actor: Actor, name: string): Promise<{ restoredFrom: string; setAsideAs: string | null }> {
    authorize(actor, 'backups.manage');
    const host = this.requireOpen();
    const key = this.dbKey!;
    const file = backupToRestore(this.dataDir, name, key);
    await this.backups.beforeRestore(host.opened.sqlite, key);
    appendAudit(host.opened.sqlite, { actor, action: 'backup.restore', target: name, detail: { phase: 'before' } });
    await this.backups.stop();
    host.close();
    this.opened = null;
    let result: ReturnType<typeof restoreBackup> | undefined;
    try {
      result = restoreBackup({ dataDir: this.dataDir, backupFile: file, key, actor, office: this.office });
    } finally {
      this.opened = ServiceHost.open(this.dataDir, key, this.options.emit);
      this.backups.afterOpen(this.opened.opened.sqlite, key);
    }
    this.options.emit?.('data.changed', { domains: ['*'] });
    return { restoredFrom: name, setAsideAs: result.setAsideAs };
  }

  /** Refuses, before any work starts, a backup name that is not a usable backup of this database. */
  checkRestorable(name: string): void {
    this.requireOpen();
    backupToRestore(this.dataDir, name, this.dbKey!);
  }

  /** A copy of the database key for a job's own connection in another thread of this process. */
  jobKey(): Uint8Array {
    this.requireOpen();
    return Uint8Array.from(this.dbKey!);
  }

  /**
   * An anchor signed now (for a bundle about to be sent, which carries it): where the audit
   * chain stands, signed by the office key. Only with the key at hand, i.e. after an
   * administrator or data officer signed in; null when the chain no longer matches the
   * newest anchor (a signature never vouches for a rewritten chain).
   */
  anchorNow(actor: Actor, reason: Extract<AnchorReason, 'bundle' | 'backup'>): Anchor | null {
    if (!this.office) throw new ServiceError('FORBIDDEN', 'officeKey.unavailable', {});
    return this.anchor(actor, reason);
  }

  /** After an account's role or enabled state changed: the office key goes, or a grant for it is made. */
  officeAccessChanged(account: AccountRow): void {
    const keyring = this.requireKeyring();
    const next = grantOffice(keyring, account, this.office, this.now());
    if (next === keyring) return;
    writeKeyring(this.dataDir, next);
    this.keyring = next;
  }

  /** Signs where the chain stands; a refusal (the chain no longer matches the newest anchor) is itself logged. */
  private anchor(actor: Actor, reason: AnchorReason): Anchor | null {
    if (!this.office || !this.opened) return null;
    const sqlite = this.opened.opened.sqlite;
    const anchor = writeAnchor(sqlite, this.dataDir, this.office, { reason, actor, at: this.now() });
    if (!anchor) appendAudit(sqlite, { actor, action: 'audit.anchor_refused', detail: { reason } });
    return anchor;
  }

  private holdOffice(office: OfficeKey | null): void {
    this.office = office;
    holdOfficeKey(this.dataDir, office);
  }

  /** The office key at a sign-in (`officeAtSignIn`), then an anchor if the key is at hand for this account. */
  private officeAtSignIn(slot: KeySlot, wrapKey: Buffer, opened: OfficeKey | null, account: AccountRow): void {
    const host = this.requireOpen();
    const keyring = this.requireKeyring();
    const others = listAccounts(host.opened.sqlite).filter((a) => a.id !== account.id);
    const outcome = officeAtSignIn(keyring, slot, wrapKey, opened, account, this.office, others, this.now());
    if (outcome.changed) {
      writeKeyring(this.dataDir, outcome.keyring);
      this.keyring = outcome.keyring;
      if (outcome.keyring.officeKey) writePublicKeyFile(this.dataDir, outcome.keyring.officeKey);
    }
    if (outcome.created) appendAudit(host.opened.sqlite, { actor: actorOf(account), action: 'office_key.create', target: outcome.keyring.officeKey!.keyId });
    if (!outcome.office) return;
    this.holdOffice(outcome.office);
    this.anchor(actorOf(account), 'sign-in');
  }

  requireOpen(): ServiceHost {
    if (!this.opened) throw new ServiceError('UNAUTHENTICATED', 'database.notUnlocked', {});
    return this.opened;
  }

  private pending: Parameters<typeof appendAudit>[1][] = [];

  /** Failed sign-ins before the database is open are kept and written at the first open. */
  private auditLater(entry: Parameters<typeof appendAudit>[1]): void {
    const stamped = { ...entry, at: this.now() };
    if (this.opened) appendAudit(this.opened.opened.sqlite, stamped);
    else this.pending.push(stamped);
  }

  private flushPendingAudit(): void {
    if (!this.opened || this.pending.length === 0) return;
    const sqlite = this.opened.opened.sqlite;
    sqlite.transaction(() => {
      for (const entry of this.pending.splice(0)) appendAudit(sqlite, entry);
    })();
  }

  close(): void {
    void this.backups.stop();
    const wasOpen = !!this.opened;
    this.opened?.close();
    this.opened = null;
    if (wasOpen) this.backups.markClean();
    this.dbKey?.fill(0);
    this.dbKey = null;
    this.office?.secret.fill(0);
    this.holdOffice(null);
  }
}
