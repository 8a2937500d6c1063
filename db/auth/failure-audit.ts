import type { AuditEntryInput } from '../audit/append';
import type { Actor } from './roles';

/** Failures of one kind, for one name, from one source within this long become one audit entry. */
export const FOLD_WINDOW_MS = 5 * 60_000;
/** Open windows kept at most; past that the oldest is closed early. */
const MAX_OPEN = 1_000;
/** What the log says instead of a name that is no account (it may be a password typed in the wrong field). */
export const UNKNOWN_NAME = '未知用户名';

const ANONYMOUS: Pick<Actor, 'id' | 'name' | 'role'> = { id: 'anonymous', name: '未登录用户', role: 'leader' };

export interface Failure {
  action: 'auth.login_failed' | 'auth.recover_failed';
  /** An account's user name, or `UNKNOWN_NAME`. */
  target: string;
  /** Client address (browser mode) or window (desktop app). */
  source: string;
  reason?: 'disabled';
}

interface Fold extends Failure {
  count: number;
  firstAt: number;
  lastAt: number;
}

/**
 * Failed sign-ins, folded: repeated failures (same kind, name, source and reason) within
 * `FOLD_WINDOW_MS` of the first become one entry with their count, stamped with the first one's
 * time and written once the window has closed. A thousand guesses are one line of the log.
 */
export class FailureFolds {
  private readonly open = new Map<string, Fold>();
  private readonly closed: Fold[] = [];

  constructor(private readonly now: () => number) {}

  record(failure: Failure): void {
    const key = JSON.stringify([failure.action, failure.target, failure.source, failure.reason ?? null]);
    const at = this.now();
    const fold = this.open.get(key);
    if (fold && at - fold.firstAt < FOLD_WINDOW_MS) {
      fold.count += 1;
      fold.lastAt = at;
      return;
    }
    if (fold) this.closed.push(fold);
    this.open.delete(key);
    this.open.set(key, { ...failure, count: 1, firstAt: at, lastAt: at });
    if (this.open.size > MAX_OPEN) {
      const [oldest] = this.open.keys();
      this.closed.push(this.open.get(oldest!)!);
      this.open.delete(oldest!);
    }
  }

  /** Whether any failure is waiting to be written. */
  get pending(): boolean {
    return this.open.size > 0 || this.closed.length > 0;
  }

  /** The entries of windows that have closed (every window with `all`), removed from here. */
  take(all = false): AuditEntryInput[] {
    for (const [key, fold] of this.open) {
      if (!all && this.now() - fold.firstAt < FOLD_WINDOW_MS) continue;
      this.closed.push(fold);
      this.open.delete(key);
    }
    return this.closed.splice(0).map((f) => ({
      actor: ANONYMOUS,
      action: f.action,
      target: f.target,
      detail: { count: f.count, source: f.source, lastAt: f.lastAt, ...(f.reason ? { reason: f.reason } : {}) },
      at: f.firstAt,
    }));
  }
}
