import type Database from 'better-sqlite3-multiple-ciphers';
import { gridLabelSql } from '../../messages';
import type { RequestLevel, RequestKind, RequestRow, RequestSource, RequestState } from '../../electron/api/requests';
import { isOverdue } from './rule';

/** The columns of a queue line, over `requests r JOIN buildings b JOIN grids g JOIN communities c`. */
export const ROW_COLUMNS = `r.id, r.kind, r.title, r.source, r.state, r.level, r.building_id, b.address, c.name AS community_name,
  ${gridLabelSql('c.name', 'g.name')} AS grid_name, r.requester, r.handler, r.received_at, r.due_at, r.escalated_at`;

export const ROW_FROM = `requests r JOIN buildings b ON b.id = r.building_id JOIN grids g ON g.id = r.grid_id JOIN communities c ON c.id = r.community_id`;

export interface RowRecord {
  id: string;
  kind: RequestKind;
  title: string;
  source: RequestSource;
  state: RequestState;
  level: RequestLevel;
  building_id: string;
  address: string;
  community_name: string;
  grid_name: string;
  requester: string | null;
  handler: string | null;
  received_at: number;
  due_at: number | null;
  escalated_at: number | null;
}

export function rowOf(r: RowRecord, now: number): RequestRow {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    source: r.source,
    state: r.state,
    level: r.level,
    buildingId: r.building_id,
    address: r.address,
    communityName: r.community_name,
    gridName: r.grid_name,
    requester: r.requester,
    handler: r.handler,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    overdue: isOverdue(r.due_at, now),
    escalatedAt: r.escalated_at,
  };
}

/** The queue lines of `ids`, in that order. */
export function rowsByIds(sqlite: Database.Database, ids: readonly string[]): RowRecord[] {
  if (ids.length === 0) return [];
  const found = sqlite.prepare<unknown[], RowRecord>(`SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids));
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
