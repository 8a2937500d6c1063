import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../errors';

export const MAX_FAILURES = 5;
export const LOCK_MS = 15 * 60_000;

interface Entry {
  failures: number;
  lockedUntil: number;
}

/**
 * Failed sign-ins per user name, kept in `lockout.json` beside the database: it must work
 * before the database is open, and survive a restart (no unlimited guesses by restarting).
 */
export class LockoutBook {
  private readonly file: string;
  private entries: Record<string, Entry>;

  constructor(dataDir: string, private readonly now: () => number) {
    this.file = join(dataDir, 'lockout.json');
    this.entries = existsSync(this.file) ? (JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, Entry>) : {};
  }

  check(username: string): void {
    const entry = this.entries[username];
    if (entry && entry.lockedUntil > this.now()) {
      const minutes = Math.ceil((entry.lockedUntil - this.now()) / 60_000);
      throw new ServiceError('UNAUTHENTICATED', 'account.lockedOut', { minutes }, 'username');
    }
  }

  /** Records a failure; returns how many tries remain before the lock. */
  fail(username: string): number {
    const entry = this.entries[username] ?? { failures: 0, lockedUntil: 0 };
    if (entry.lockedUntil && entry.lockedUntil <= this.now()) entry.failures = 0;
    entry.failures += 1;
    if (entry.failures >= MAX_FAILURES) entry.lockedUntil = this.now() + LOCK_MS;
    this.entries[username] = entry;
    this.save();
    return Math.max(MAX_FAILURES - entry.failures, 0);
  }

  succeed(username: string): void {
    if (!this.entries[username]) return;
    delete this.entries[username];
    this.save();
  }

  private save(): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.entries), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}
