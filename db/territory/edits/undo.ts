import type { TerritoryEditEntry } from '../../../electron/api/territory-edit';
import { appendAudit } from '../../audit/append';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { travelling } from '../../sync/registry';
import { restoreRow, tombstoneRow } from '../../sync/write';
import { announceEdit, readStack, restamped, writeStack } from './stack';

const TABLE_WORDS: Record<string, string> = { grids: '网格', buildings: '楼栋', compounds: '楼院', duty_posts: '值守点位' };

/** The caller's undoable map edits, latest first. */
export function editHistory(ctx: ServiceContext): TerritoryEditEntry[] {
  authorize(ctx.actor, 'territory.manage');
  return readStack(ctx)
    .reverse()
    .map(({ action, label, at, auditSeq }) => ({ action, label, at, auditSeq }));
}

/**
 * 撤销: the caller's latest map edit is taken back — every row it touched as it was before, every
 * row it made removed — provided none of them changed since (then nothing is written and the
 * edit stays on the stack). Called again, it undoes the edit before.
 */
export function undoEdit(ctx: ServiceContext): TerritoryEditEntry {
  authorize(ctx.actor, 'territory.manage');
  const stack = readStack(ctx);
  const last = stack[stack.length - 1];
  if (!last) throw new ServiceError('CONFLICT', 'territory.nothingToUndoEdit', {});
  const stampOf = (table: string, id: string) => ctx.sqlite.prepare<[string], { hlc: string }>(`SELECT hlc FROM ${table} WHERE id = ?`).get(id)?.hlc;
  const stale = last.rows.find((r) => stampOf(r.table, r.id) !== r.hlc);
  if (stale) throw new ServiceError('CONFLICT', 'territory.undoStale', { edit: last.label, table: TABLE_WORDS[stale.table] ?? stale.table });
  ctx.sqlite.transaction(() => {
    const stamps = new Map<string, { was: string; now: string }>();
    for (const row of [...last.rows].reverse()) {
      if (row.before) stamps.set(`${row.table}:${row.id}`, { was: row.beforeHlc!, now: restoreRow(ctx, row.table, row.id, row.before) });
      else tombstoneRow(ctx, travelling(row.table).table, row.id);
    }
    writeStack(ctx, stack.slice(0, -1));
    restamped(ctx, stamps);
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'territory.undo', target: String(last.auditSeq), detail: { edit: last.label, action: last.action } });
  })();
  announceEdit(ctx);
  const { action, label, at, auditSeq } = last;
  return { action, label, at, auditSeq };
}
