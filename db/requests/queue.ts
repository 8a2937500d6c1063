import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { PagedResult } from '../../electron/api/common';
import type { RequestFilter, RequestRow } from '../../electron/api/requests';
import { recordEscalations } from './escalate';
import { checkFilterScope, IN_TIME, OVERDUE, requestWhere } from './filter';
import { rowOf, rowsByIds } from './rows';

export interface QueueInput {
  filter: RequestFilter;
  page: number;
  pageSize: number;
}

/**
 * `requests.list`: the street's queue in the caller's grids, overdue first (the longest overdue
 * first), then the newest. Counted and paged on the requests alone, in two parts each read in the
 * order of its own index; only the page's rows are joined to their building, grid and community.
 */
export function requestQueue(ctx: ServiceContext, input: QueueInput, now: number): PagedResult<RequestRow> {
  authorize(ctx.actor, 'requests.read');
  checkFilterScope(ctx, input.filter);
  recordEscalations(ctx, now);
  const scope = gridScope(ctx.actor);
  const { sqlite } = ctx;
  const where = requestWhere(input.filter, scope, now);
  const overdueOnly = input.filter.overdue;
  const count = (extra: string) => sqlite.prepare<unknown[], number>(`SELECT count(*) FROM requests r WHERE ${where.sql} AND ${extra}`).pluck().get(where.params) ?? 0;
  // The in-time part is what is left: one count of all (a covering index) beside the overdue ones (a range of it).
  const overdueCount = overdueOnly === false ? 0 : count(OVERDUE);
  const restCount = overdueOnly === true ? 0 : overdueOnly === false ? count(IN_TIME) : count('1') - overdueCount;

  const offset = (input.page - 1) * input.pageSize;
  const ids: string[] = [];
  if (offset < overdueCount) {
    ids.push(
      ...sqlite
        .prepare<unknown[], string>(`SELECT r.id FROM requests r WHERE ${where.sql} AND ${OVERDUE} ORDER BY r.due_at, r.rowid LIMIT @limit OFFSET @offset`)
        .pluck()
        .all({ ...where.params, limit: input.pageSize, offset }),
    );
  }
  const left = input.pageSize - ids.length;
  if (left > 0 && restCount > 0) {
    ids.push(
      ...sqlite
        .prepare<unknown[], string>(`SELECT r.id FROM requests r WHERE ${where.sql} AND ${IN_TIME} ORDER BY r.received_at DESC, r.id DESC LIMIT @limit OFFSET @offset`)
        .pluck()
        .all({ ...where.params, limit: left, offset: Math.max(0, offset - overdueCount) }),
    );
  }
  const rows = rowsByIds(sqlite, ids);
  return { rows: rows.map((r) => rowOf(r, now)), total: overdueCount + restCount };
}
