import type { ServiceContext } from '../context';
import { nameFor } from '../personal-data';
import type { RequestRow } from '../../electron/api/requests';
import { ROW_COLUMNS, ROW_FROM, rowOf, type RowRecord } from './rows';

const LATEST_HANDLED = 5;

/**
 * A building's requests for its page: open ones (overdue first, then the newest), then the latest
 * handled few; names as the actor may see them.
 */
export function buildingRequests(ctx: ServiceContext, buildingId: string, now: number): RequestRow[] {
  const open = ctx.sqlite
    .prepare<unknown[], RowRecord>(
      `SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE r.building_id = ? AND r.deleted = 0 AND r.state IN ('pending', 'handling')
        ORDER BY r.due_at < ? DESC, r.received_at DESC, r.id`,
    )
    .all(buildingId, now);
  const handled = ctx.sqlite
    .prepare<unknown[], RowRecord>(
      `SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE r.building_id = ? AND r.deleted = 0 AND r.state IN ('resolved', 'revisited')
        ORDER BY r.received_at DESC, r.id LIMIT ${LATEST_HANDLED}`,
    )
    .all(buildingId);
  return [...open, ...handled].map((r) => {
    const row = rowOf(r, now);
    return { ...row, requester: row.requester && nameFor(ctx.actor, row.requester), handler: row.handler && nameFor(ctx.actor, row.handler) };
  });
}
