import type { TerritoryEditAction, TerritoryEditEntry } from '../../../electron/api/territory-edit';
import { appendAudit } from '../../audit/append';
import type { ServiceContext } from '../../context';
import type { TravellingName } from '../../sync/registry';
import type { Driver } from '../../sync/write';

/**
 * Each account's map edits, latest last, kept so they can be undone in turn. An edit holds, for
 * every travelling row it touched, the row as it was before (null: the edit made it) and the
 * stamp (`hlc`) the edit left on it: an undo puts the rows back only while they still carry that
 * stamp, so nothing changed since — here, by a sync or in another window — is overwritten.
 */
export interface EditRecord extends TerritoryEditEntry {
  /** `beforeHlc`: the stamp the row had before the edit; `hlc`: the stamp the edit left. */
  rows: { table: TravellingName; id: string; before: Record<string, Driver> | null; beforeHlc: string | null; hlc: string }[];
}

/** How many edits an account can undo. */
export const STACK_DEPTH = 30;

const PREFIX = 'territory.edits.';
const keyOf = (ctx: ServiceContext) => `${PREFIX}${ctx.actor.id}`;

export function readStack(ctx: ServiceContext, key = keyOf(ctx)): EditRecord[] {
  const row = ctx.sqlite.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as EditRecord[]) : [];
}

export function writeStack(ctx: ServiceContext, stack: EditRecord[], key = keyOf(ctx)): void {
  ctx.sqlite
    .prepare(
      'INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by',
    )
    .run(key, JSON.stringify(stack.slice(-STACK_DEPTH)), Date.now(), ctx.actor.name);
}

/**
 * After an undo put rows back as an earlier edit (of any account) left them, those rows carry new
 * stamps: the earlier edits that left them so are told the new stamps, so they stay undoable.
 */
export function restamped(ctx: ServiceContext, stamps: Map<string, { was: string; now: string }>): void {
  const keys = ctx.sqlite.prepare<[string], { key: string }>("SELECT key FROM settings WHERE key LIKE ? || '%'").all(PREFIX);
  for (const { key } of keys) {
    const stack = readStack(ctx, key);
    let changed = false;
    for (const edit of stack) {
      for (const row of edit.rows) {
        const stamp = stamps.get(`${row.table}:${row.id}`);
        if (stamp && row.hlc === stamp.was) {
          row.hlc = stamp.now;
          changed = true;
        }
      }
    }
    if (changed) writeStack(ctx, stack, key);
  }
}

/**
 * Collects the rows one edit touches. `touch` before a row is changed keeps it as it was;
 * `made` marks a row the edit inserts; `finish` (inside the edit's transaction) reads the stamps
 * the edit left, pushes the edit on the account's stack and writes its audit entry.
 */
export class EditRecorder {
  private readonly rows = new Map<string, { table: TravellingName; id: string; before: Record<string, Driver> | null; beforeHlc: string | null }>();

  constructor(private readonly ctx: ServiceContext) {}

  touch(table: TravellingName, id: string): void {
    const key = `${table}:${id}`;
    if (this.rows.has(key)) return;
    const before = this.ctx.sqlite.prepare<[string], Record<string, Driver>>(`SELECT * FROM ${table} WHERE id = ?`).get(id);
    if (!before) throw new Error(`表 ${table} 中找不到记录 ${id}`);
    const { id: _id, hlc, origin: _origin, ...values } = before;
    this.rows.set(key, { table, id, before: values, beforeHlc: String(hlc) });
  }

  made(table: TravellingName, id: string): void {
    this.rows.set(`${table}:${id}`, { table, id, before: null, beforeHlc: null });
  }

  finish(action: TerritoryEditAction, label: string, target: string, detail: Record<string, unknown>): TerritoryEditEntry {
    const rows = [...this.rows.values()].map((r) => ({
      ...r,
      hlc: this.ctx.sqlite.prepare<[string], { hlc: string }>(`SELECT hlc FROM ${r.table} WHERE id = ?`).get(r.id)!.hlc,
    }));
    const { seq } = appendAudit(this.ctx.sqlite, { actor: this.ctx.actor, action: `territory.${action}`, target, detail: { ...detail, label } });
    const entry: TerritoryEditEntry = { action, label, at: Date.now(), auditSeq: seq };
    writeStack(this.ctx, [...readStack(this.ctx), { ...entry, rows }]);
    return entry;
  }
}

/** What other windows refetch after a map edit: the territory, the map's layers, buildings. */
export function announceEdit(ctx: ServiceContext): void {
  ctx.emit('data.changed', { domains: ['territory', 'map', 'buildings'] });
}
