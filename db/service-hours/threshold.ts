import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
const KEY = 'volunteers.activeHours';
/** The Red Cross counts a volunteer active from 8 hours of service a month (the contract's `DEFAULT_ACTIVE_HOURS`). */
const DEFAULT_ACTIVE_HOURS = 8;

/** The monthly hours from which a volunteer counts as active: the administrator's setting, else 8. */
export function activeThreshold(sqlite: Database.Database): number {
  const row = sqlite.prepare<unknown[], { value: string }>('SELECT value FROM settings WHERE key = ?').get(KEY);
  const value = row ? Number(JSON.parse(row.value)) : NaN;
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_ACTIVE_HOURS;
}

/** `serviceHours.setThreshold`: administrators only; audited with the old and new value. */
export function setActiveThreshold(ctx: ServiceContext, input: { hours: number }, now = Date.now()): { hours: number } {
  authorize(ctx.actor, 'hours.configure');
  ctx.sqlite.transaction(() => {
    const before = activeThreshold(ctx.sqlite);
    ctx.sqlite
      .prepare(
        `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(KEY, JSON.stringify(input.hours), now, ctx.actor.name);
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'hours.threshold', target: KEY, detail: { from: before, to: input.hours }, at: now });
  })();
  ctx.emit('data.changed', { domains: ['volunteerService'] });
  return { hours: input.hours };
}
