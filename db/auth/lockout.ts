import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../errors';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;
/** Names that are no account are remembered in memory only, this many at most. */
export const MAX_UNKNOWN_NAMES = 1_000;

interface Entry {
  failures: number;
  lockedUntil: number;
  lastFailure: number;
}

/**
 * Failed sign-ins per user name (and for the recovery code). The entries of real accounts are kept
 * in `lockout.json` beside the database: it must work before the database is open, and survive a
 * restart (no unlimited guesses by restarting). A name that is no account counts the same way, so
 * the answers do not tell the two apart, but only in memory, under a keyed hash, and only the
 * latest `MAX_UNKNOWN_NAMES`: a password typed into the name field is never written anywhere, and
 * guessing names cannot grow the file. An entry is forgotten once its lock has run out and its last
 * failure is older than the lock.
 */
export class LockoutBook {
  private readonly file: string;
  private readonly entries: Map<string, Entry>;
  private readonly unknown = new Map<string, Entry>();
  private readonly hashKey = randomBytes(32);

  constructor(
    dataDir: string,
    private readonly now: () => number,
    /** Whether a name is an account's (or the recovery code's): only those are written to the file. */
    private readonly isKnown: (name: string) => boolean,
  ) {
    this.file = join(dataDir, 'lockout.json');
    const stored = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Partial<Entry>>) : {};
    this.entries = new Map(
      Object.entries(stored)
        .map(([name, e]): [string, Entry] => [name, { failures: e.failures ?? 0, lockedUntil: e.lockedUntil ?? 0, lastFailure: e.lastFailure ?? e.lockedUntil ?? 0 }])
        .filter(([name, e]) => this.isKnown(name) && !this.stale(e)),
    );
    if (this.entries.size !== Object.keys(stored).length) this.save();
  }

  /** Minutes until the name may be tried again, or 0 when it is not locked. */
  lockedMinutes(name: string): number {
    const entry = this.find(name);
    if (!entry || entry.lockedUntil <= this.now()) return 0;
    return Math.ceil((entry.lockedUntil - this.now()) / 60_000);
  }

  /** Throws the sign-in refusal while the name is locked. */
  check(name: string, field = 'username'): void {
    const minutes = this.lockedMinutes(name);
    if (minutes > 0) throw new ServiceError('UNAUTHENTICATED', 'account.lockedOut', { minutes }, field);
  }

  /** Records a failure; returns how many tries remain before the lock. */
  fail(name: string): number {
    const known = this.isKnown(name);
    const book = known ? this.entries : this.unknown;
    const key = known ? name : this.hashed(name);
    const previous = book.get(key);
    const entry = previous && !this.stale(previous) && !(previous.lockedUntil && previous.lockedUntil <= this.now()) ? previous : { failures: 0, lockedUntil: 0, lastFailure: 0 };
    entry.failures += 1;
    entry.lastFailure = this.now();
    if (entry.failures >= MAX_FAILURES) entry.lockedUntil = this.now() + LOCK_MS;
    book.delete(key);
    book.set(key, entry);
    if (known) this.save();
    else this.trimUnknown();
    return Math.max(MAX_FAILURES - entry.failures, 0);
  }

  succeed(name: string): void {
    if (this.isKnown(name)) {
      if (this.entries.delete(name)) this.save();
    } else this.unknown.delete(this.hashed(name));
  }

  /** How many names are remembered: in the file, and in memory only. */
  get counts(): { stored: number; unknown: number } {
    return { stored: this.entries.size, unknown: this.unknown.size };
  }

  private find(name: string): Entry | undefined {
    return this.isKnown(name) ? this.entries.get(name) : this.unknown.get(this.hashed(name));
  }

  private hashed(name: string): string {
    return createHmac('sha256', this.hashKey).update(name).digest('base64url');
  }

  private stale(entry: Entry): boolean {
    return entry.lockedUntil <= this.now() && this.now() - entry.lastFailure > LOCK_MS;
  }

  private trimUnknown(): void {
    if (this.unknown.size <= MAX_UNKNOWN_NAMES) return;
    for (const [key, entry] of this.unknown) if (this.stale(entry)) this.unknown.delete(key);
    // The oldest failures go first (a Map keeps the order in which they were last set).
    for (const key of this.unknown.keys()) {
      if (this.unknown.size <= MAX_UNKNOWN_NAMES) break;
      this.unknown.delete(key);
    }
  }

  private save(): void {
    for (const [name, entry] of this.entries) if (this.stale(entry)) this.entries.delete(name);
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.entries)), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
