import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { safeCompounds } from '../schema';
import { updateRow } from '../sync/write';

/** `compounds.revokeSafe`: takes the red flag back; the designation row stays, marked revoked, with who and why. */
export function revokeSafeCompound(ctx: ServiceContext, input: { id: string; reason: string }, now = Date.now()): { id: string } {
  authorize(ctx.actor, 'buildings.edit');
  const { sqlite } = ctx;
  const row = sqlite
    .prepare<unknown[], { compound_id: string; revoked_at: number | null; revoked_by: string | null; name: string; grid_id: string }>(
      `SELECT s.compound_id, s.revoked_at, s.revoked_by, c.name, c.grid_id FROM safe_compounds s JOIN compounds c ON c.id = s.compound_id
        WHERE s.id = ? AND s.deleted = 0`,
    )
    .get(input.id);
  if (!row) throw new ServiceError('NOT_FOUND', 'safe.notFound', { id: input.id }, 'id');
  authorize(ctx.actor, 'buildings.edit', { gridId: row.grid_id });
  if (row.revoked_at !== null) throw new ServiceError('CONFLICT', 'safe.alreadyRevoked', { name: row.name, by: row.revoked_by ?? '' }, 'id');
  sqlite.transaction(() => {
    updateRow(ctx, safeCompounds, input.id, { revokedAt: now, revokedBy: ctx.actor.name, revokeReason: input.reason });
    appendAudit(sqlite, { actor: ctx.actor, action: 'compounds.safe.revoke', target: row.compound_id, detail: { id: input.id, reason: input.reason } });
  })();
  ctx.emit('data.changed', { domains: ['compounds'] });
  return { id: input.id };
}
