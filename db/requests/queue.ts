import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { PagedResult } from '../../electron/api/common';
import type { RequestFilter, RequestRow } from '../../electron/api/requests';
import { recordEscalations } from './escalate';
import { checkFilterScope, requestWhere } from './filter';
import { ROW_COLUMNS, ROW_FROM, rowOf, type RowRecord } from './rows';

export interface QueueInput {
  filter: RequestFilter;
  page: number;
  pageSize: number;
}

/**
 * `requests.list`: the street's queue in the caller's grids, overdue first (the longest overdue
 * first), then the newest. Read in two parts, each in the order of its own index, so the first
 * page stays quick with many thousands of requests.
 */
export function requestQueue(ctx: ServiceContext, input: QueueInput, now: number): PagedResult<RequestRow> {
  authorize(ctx.actor, 'requests.read');
  checkFilterScope(ctx, input.filter);
  recordEscalations(ctx, now);
  const scope = gridScope(ctx.actor);
  const { sqlite } = ctx;
  const where = requestWhere(input.filter, scope, now);
  const overdueOnly = input.filter.overdue;
  const count = (extra: string) => sqlite.prepare<unknown[], number>(`SELECT count(*) FROM ${ROW_FROM} WHERE ${where.sql} AND ${extra}`).pluck().get(where.params) ?? 0;
  const overdueCount = overdueOnly === false ? 0 : count('r.due_at < @now');
  const restCount = overdueOnly === true ? 0 : count('(r.due_at IS NULL OR r.due_at >= @now)');

  const offset = (input.page - 1) * input.pageSize;
  const rows: RowRecord[] = [];
  if (offset < overdueCount) {
    rows.push(
      ...sqlite
        .prepare<unknown[], RowRecord>(`SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE ${where.sql} AND r.due_at < @now ORDER BY r.due_at, r.id LIMIT @limit OFFSET @offset`)
        .all({ ...where.params, limit: input.pageSize, offset }),
    );
  }
  const left = input.pageSize - rows.length;
  if (left > 0 && restCount > 0) {
    rows.push(
      ...sqlite
        .prepare<unknown[], RowRecord>(
          `SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE ${where.sql} AND (r.due_at IS NULL OR r.due_at >= @now)
            ORDER BY r.received_at DESC, r.id DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...where.params, limit: left, offset: Math.max(0, offset - overdueCount) }),
    );
  }
  return { rows: rows.map((r) => rowOf(r, now)), total: overdueCount + restCount };
}
