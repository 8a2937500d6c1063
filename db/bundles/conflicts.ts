/**
 * Conflicts waiting for a user: a row changed here and elsewhere since the two last exchanged.
 * Resolving writes the chosen version as a new change of this office (a new stamp, newer than
 * both), so the decision travels with the next bundle.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../auth/roles';
import { appendAudit } from '../audit/append';
import { ServiceError } from '../errors';
import type { HybridClock } from '../sync/hlc';
import { writeReceivedRow } from '../sync/merge-write';
import { SYNC_COLUMNS, travelling, type TravellingName } from '../sync/registry';

export interface OpenConflict {
  id: string;
  table: string;
  rowId: string;
  /** The version this office had. */
  mine: Record<string, unknown>;
  /** The version the bundle brought. */
  theirs: Record<string, unknown>;
  /** Whether the row now holds this office's version. */
  mineKept: boolean;
  /** The columns whose values differ. */
  fields: string[];
  createdAt: number;
}

interface ConflictRow {
  id: string;
  table_name: string;
  row_id: string;
  kept: string;
  other: string;
  kept_is_mine: number;
  created_at: number;
}

function toConflict(r: ConflictRow): OpenConflict {
  const kept = JSON.parse(r.kept) as Record<string, unknown>;
  const other = JSON.parse(r.other) as Record<string, unknown>;
  const mine = r.kept_is_mine ? kept : other;
  const theirs = r.kept_is_mine ? other : kept;
  const skip = new Set(['hlc', 'origin', '_vv']);
  const fields = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((k) => !skip.has(k) && JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]));
  return { id: r.id, table: r.table_name, rowId: r.row_id, mine, theirs, mineKept: r.kept_is_mine === 1, fields, createdAt: r.created_at };
}

export function openConflicts(sqlite: Database.Database): OpenConflict[] {
  return sqlite.prepare<[], ConflictRow>('SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at, id').all().map(toConflict);
}

export interface Resolver {
  sqlite: Database.Database;
  actor: Actor;
  clock: HybridClock;
  nodeId: string;
}

/** Keeps this office's version or takes theirs, as a new change; other open conflicts of the same row are closed with it. */
export function resolveConflict(r: Resolver, id: string, choice: 'mine' | 'theirs', now = Date.now()): OpenConflict {
  const row = r.sqlite.prepare<[string], ConflictRow>('SELECT * FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL').get(id);
  if (!row) throw new ServiceError('NOT_FOUND', 'bundle.conflictNotFound', { id }, 'id');
  const conflict = toConflict(row);
  const chosen = choice === 'mine' ? conflict.mine : conflict.theirs;
  const entry = travelling(conflict.table as TravellingName);
  const values: Record<string, unknown> = {};
  for (const c of [...SYNC_COLUMNS, ...entry.columns]) if (chosen[c] !== undefined) values[c] = chosen[c];
  r.sqlite.transaction(() => {
    writeReceivedRow(r.sqlite, entry.name, { ...values, hlc: r.clock.tick(), origin: r.nodeId });
    r.sqlite.prepare(`UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE table_name = ? AND row_id = ? AND resolved_at IS NULL`).run(now, choice, conflict.table, conflict.rowId);
    appendAudit(r.sqlite, { actor: r.actor, action: 'bundles.resolve', target: `${conflict.table}/${conflict.rowId}`, detail: { choice, fields: conflict.fields }, at: now });
  })();
  return conflict;
}
