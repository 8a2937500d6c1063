import { gridLabelSql } from '../../../messages';
import { authorize, gridScope } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import type { StatusReminder } from '../../../electron/api/status';

const HOUR = 3_600_000;

/**
 * `buildings.reminders`: buildings whose current status ends within `withinHours`, or has passed its
 * end with nobody lifting or extending it, soonest first. Grid workers see their grids only.
 */
export function statusReminders(ctx: ServiceContext, input: { withinHours: number }, now = Date.now()): StatusReminder[] {
  authorize(ctx.actor, 'buildings.read');
  const scope = gridScope(ctx.actor);
  const rows = ctx.sqlite
    .prepare<unknown[], {
    id: string;
    address: string;
    grid_name: string;
    status: string;
    status_until: number;
  }>(
      `SELECT b.id, b.address, ${gridLabelSql('c.name', 'g.name')} AS grid_name, b.status, b.status_until
         FROM buildings b JOIN grids g ON g.id = b.grid_id JOIN communities c ON c.id = g.community_id
        WHERE b.deleted = 0 AND b.status_until IS NOT NULL AND b.status_until <= @horizon
          AND (@scope IS NULL OR b.grid_id IN (SELECT value FROM json_each(@scope)))
        ORDER BY b.status_until, b.address, b.id`,
    )
    .all({ horizon: now + input.withinHours * HOUR, scope: scope ? JSON.stringify(scope) : null });
  return rows.map((r) => ({
    buildingId: r.id,
    address: r.address,
    gridName: r.grid_name,
    status: r.status,
    effectiveUntil: r.status_until,
    overdue: r.status_until <= now,
  }));
}
