import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { ServiceError } from '../errors';
import { databaseFile, ServiceHost } from '../host';
import { appendAudit } from '../audit/append';
import { accountByUsername, actorOf, checkPasswordStrength, insertAccount, listAccounts, type AccountRow, type NewAccount } from './accounts';
import { emptyKeyring, makeSlot, newKdf, newRecoveryCode, normalizeRecoveryCode, openSlotWith, readKeyring, slotKey, unwrapSlot, writeKeyring, DEFAULT_KDF, type Keyring, type KeySlot } from './keyring';
import { writeAnchor } from '../audit/anchors';
import type { Anchor, AnchorReason } from '../audit/anchor-record';
import { holdOfficeKey } from '../office-key/held';
import { newOfficeKey, publicPart, writePublicKeyFile, type OfficeKey } from '../office-key/key';
import { grantOffice, holdsOfficeKey, officeAtSignIn } from '../office-key/slots';
import { LockoutBook } from './lockout';
import { FailureFolds, FOLD_WINDOW_MS, UNKNOWN_NAME, type Failure } from './failure-audit';
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

/** The lockout book's name for the recovery code. */
const RECOVERY = '__recovery__';
/** Where a sign-in comes from when the caller does not say (tools, tests). */
export const LOCAL_SOURCE = 'local';

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
  private readonly failures: FailureFolds;
  private failureTimer: NodeJS.Timeout | undefined;
  private decoy: KeySlot | undefined;
  readonly backups: BackupKeeper;
  private readonly now: () => number;

  constructor(
    readonly dataDir: string,
    private readonly options: VaultOptions = {},
  ) {
    this.keyring = readKeyring(dataDir);
    this.now = options.now ?? Date.now;
    this.lockout = new LockoutBook(dataDir, this.now, (name) => name === RECOVERY || !!this.accountSlot(name));
    this.failures = new FailureFolds(this.now);
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

  /**
   * Password sign-in: unwraps the account's key slot (opening the database on the first one). A
   * name that is no account costs the same key derivation and counts towards a lock the same way,
   * so neither the time nor the answer tells whether the name exists.
   */
  login(username: string, password: string, source = LOCAL_SOURCE): { account: AccountRow; actor: Actor } {
    this.requireKeyring();
    this.lockout.check(username);
    const slot = this.accountSlot(username);
    const wrapKey = slot ? slotKey(slot, password) : null;
    const unwrapped = slot && wrapKey ? openSlotWith(slot, wrapKey) : null;
    if (!slot) this.unwrapOrDecoy(undefined, password);
    const key = unwrapped?.dbKey ?? null;
    if (!key) {
      const remaining = this.lockout.fail(username);
      this.recordFailure({ action: 'auth.login_failed', target: slot ? username : UNKNOWN_NAME, source });
      throw new ServiceError(
        'UNAUTHENTICATED',
        ...(remaining > 0 ? (['login.wrong', { remaining }] as const) : (['login.wrongLocked', {}] as const)),
        'password',
      );
    }
    const host = this.openWith(key);
    const account = accountByUsername(host.opened.sqlite, username);
    if (!account || account.disabled) {
      this.recordFailure({ action: 'auth.login_failed', target: username, source, reason: 'disabled' });
      throw new ServiceError('UNAUTHENTICATED', 'account.disabled', { username }, 'username');
    }
    this.lockout.succeed(username);
    host.opened.sqlite.prepare('UPDATE accounts SET last_login_at = ? WHERE id = ?').run(this.now(), account.id);
    this.writeFailures();
    appendAudit(host.opened.sqlite, { actor: actorOf(account), action: 'auth.login', target: username });
    this.officeAtSignIn(slot!, wrapKey!, unwrapped!.office, account);
    return { account, actor: actorOf(account) };
  }

  /** Checks a password without changing any state (unlocking an idle session). */
  verifyPassword(username: string, password: string): boolean {
    const slot = this.accountSlot(username);
    return !!this.unwrapOrDecoy(slot, password) && !!slot;
  }

  private accountSlot(username: string): KeySlot | undefined {
    return this.keyring?.slots.find((s) => s.kind === 'account' && s.username === username);
  }

  /** The slot's key for this password; without a slot, the same derivation against a decoy, and null. */
  private unwrapOrDecoy(slot: KeySlot | undefined, secret: string): Buffer | null {
    if (slot) return unwrapSlot(slot, secret);
    unwrapSlot(this.decoySlot(), secret);
    return null;
  }

  /** A slot no secret opens, with the KDF cost of the accounts' own slots. */
  private decoySlot(): KeySlot {
    if (this.decoy) return this.decoy;
    const like = this.keyring?.slots.find((s) => s.kind === 'account' && s.kdf)?.kdf ?? this.kdf;
    this.decoy = {
      id: randomUUID(),
      kind: 'account',
      kdf: newKdf({ N: like.N, r: like.r, p: like.p }),
      wrap: { alg: 'aes-256-gcm', iv: randomBytes(12).toString('base64'), tag: randomBytes(16).toString('base64'), ct: randomBytes(32).toString('base64') },
      createdAt: 0,
    };
    return this.decoy;
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

  /**
   * The recovery code opens the database and sets a new password for an administrator. Wrong
   * codes count towards the code's own lock; while it is locked even the right code is refused.
   */
  recover(recoveryCode: string, username: string, newPassword: string, source = LOCAL_SOURCE): { account: AccountRow; actor: Actor } {
    const keyring = this.requireKeyring();
    const locked = this.lockout.lockedMinutes(RECOVERY);
    if (locked > 0) throw new ServiceError('UNAUTHENTICATED', 'recovery.lockedOut', { minutes: locked }, 'recoveryCode');
    const slot = keyring.slots.find((s) => s.kind === 'recovery');
    const wrapKey = slot ? slotKey(slot, normalizeRecoveryCode(recoveryCode)) : null;
    const unwrapped = slot && wrapKey ? openSlotWith(slot, wrapKey) : null;
    const key = unwrapped?.dbKey ?? null;
    if (!key) {
      const remaining = this.lockout.fail(RECOVERY);
      this.recordFailure({ action: 'auth.recover_failed', target: this.accountSlot(username) ? username : UNKNOWN_NAME, source });
      throw new ServiceError(
        'UNAUTHENTICATED',
        ...(remaining > 0 ? (['recovery.wrongCounted', { remaining }] as const) : (['recovery.wrongLocked', {}] as const)),
        'recoveryCode',
      );
    }
    this.lockout.succeed(RECOVERY);
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

  /**
   * A failed sign-in goes to the audit log folded with its repeats (`FailureFolds`), once its
   * window has closed and the database is open; the window's end is also watched by a timer.
   */
  private recordFailure(failure: Failure): void {
    this.failures.record(failure);
    this.writeFailures();
    this.watchFailures();
  }

  private watchFailures(): void {
    this.failureTimer ??= setTimeout(() => {
      this.failureTimer = undefined;
      this.writeFailures();
      if (this.failures.pending) this.watchFailures();
    }, FOLD_WINDOW_MS).unref();
  }

  private writeFailures(all = false): void {
    if (!this.opened) return;
    const sqlite = this.opened.opened.sqlite;
    const entries = this.failures.take(all);
    if (entries.length === 0) return;
    sqlite.transaction(() => {
      for (const entry of entries) appendAudit(sqlite, entry);
    })();
  }

  close(): void {
    clearTimeout(this.failureTimer);
    this.failureTimer = undefined;
    this.writeFailures(true);
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
