import type Database from 'better-sqlite3-multiple-ciphers';
import type { OverviewSince, OverviewSinceKind } from '../../electron/api/overview';

/** The hours (local time) the duty shifts change at. */
export const SHIFT_HOURS = [7, 15, 23] as const;

/** When the shift running at `now` began: the latest of 07:00, 15:00, 23:00 not after it (local time). */
export function shiftStart(now: number): number {
  const d = new Date(now);
  const hour = [...SHIFT_HOURS].reverse().find((h) => h <= d.getHours());
  if (hour === undefined) {
    d.setDate(d.getDate() - 1);
    d.setHours(SHIFT_HOURS[2], 0, 0, 0);
  } else d.setHours(hour, 0, 0, 0);
  return d.getTime();
}

/**
 * This account's sign-in before the current one, from the audit log (the current sign-in is the
 * newest `auth.login` entry of the account), or null on a first sign-in.
 */
export function previousSignIn(sqlite: Database.Database, accountId: string): number | null {
  return (
    sqlite
      .prepare<unknown[], number>(`SELECT at FROM audit_log WHERE actor_id = ? AND action = 'auth.login' ORDER BY seq DESC LIMIT 1 OFFSET 1`)
      .pluck()
      .get(accountId) ?? null
  );
}

/** Where "since the last shift" starts; without a previous sign-in, at the current shift's start. */
export function overviewSince(sqlite: Database.Database, accountId: string, kind: OverviewSinceKind, now: number): OverviewSince {
  const previousSignInAt = previousSignIn(sqlite, accountId);
  const shiftStartAt = shiftStart(now);
  const at = kind === 'lastSignIn' && previousSignInAt !== null ? previousSignInAt : shiftStartAt;
  return { kind, at, previousSignInAt, shiftStartAt };
}
