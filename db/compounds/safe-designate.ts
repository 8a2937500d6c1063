import { appendAudit } from '../audit/append';
import { authorize } from '../auth/permissions';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { safeCompounds } from '../schema';
import { uuidv7 } from '../sync/ids';
import { insertRow } from '../sync/write';
import { requireNotFuture } from '../buildings/status/times';
import { terms } from '../../messages';
import { readSafeCompound } from './safe-list';
import type { SafeCompound } from '../../electron/api/status';

export interface DesignateInput {
  compoundId: string;
  grantedAt: number;
  criteria: string[];
  note?: string | undefined;
}

/** `compounds.designateSafe`: awards a compound the 放心楼院 red flag, with the criteria it meets. */
export function designateSafeCompound(ctx: ServiceContext, input: DesignateInput, now = Date.now()): SafeCompound {
  authorize(ctx.actor, 'buildings.edit');
  const { sqlite } = ctx;
  const compound = sqlite.prepare<unknown[], { name: string; grid_id: string }>('SELECT name, grid_id FROM compounds WHERE id = ? AND deleted = 0').get(input.compoundId);
  if (!compound) throw new ServiceError('NOT_FOUND', 'compound.notFound', { id: input.compoundId }, 'compoundId');
  authorize(ctx.actor, 'buildings.edit', { gridId: compound.grid_id });
  requireNotFuture(input.grantedAt, now, 'grantedAt', terms.grantedAt);
  const criteria = [...new Set(input.criteria.map((c) => c.trim()).filter((c) => c.length > 0))];
  if (criteria.length === 0) throw new ServiceError('INVALID_INPUT', 'safe.criteriaRequired', {}, 'criteria');
  const id = uuidv7();
  sqlite
    .transaction(() => {
      const current = sqlite
        .prepare<unknown[], { granted_at: number; granted_by: string }>('SELECT granted_at, granted_by FROM safe_compounds WHERE compound_id = ? AND revoked_at IS NULL AND deleted = 0 LIMIT 1')
        .get(input.compoundId);
      if (current) {
        throw new ServiceError('CONFLICT', 'safe.alreadyGranted', { name: compound.name, by: current.granted_by }, 'compoundId');
      }
      insertRow(ctx, safeCompounds, { compoundId: input.compoundId, grantedAt: input.grantedAt, criteria, note: input.note || null, grantedBy: ctx.actor.name }, { id });
      appendAudit(sqlite, {
        actor: ctx.actor,
        action: 'compounds.safe.designate',
        target: input.compoundId,
        detail: { id, grantedAt: input.grantedAt, criteria },
      });
    })
    .immediate();
  ctx.emit('data.changed', { domains: ['compounds'] });
  return readSafeCompound(ctx, id)!;
}
