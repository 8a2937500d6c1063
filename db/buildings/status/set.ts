import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import { applyStatusChange } from './apply';
import type { StatusChangeResult } from '../../../electron/api/status';

export interface SetStatusInput {
  id: string;
  status: string;
  reason: string;
  effectiveFrom?: number | undefined;
  effectiveUntil?: number | null | undefined;
}

/** `buildings.setStatus`: one building's status, recorded as a batch of one so it can be undone like a bulk change. */
export function setBuildingStatus(ctx: ServiceContext, input: SetStatusInput, now = Date.now()): StatusChangeResult {
  authorize(ctx.actor, 'buildings.edit');
  const address = ctx.sqlite.prepare<unknown[], string>('SELECT address FROM buildings WHERE id = ? AND deleted = 0').pluck().get(input.id);
  if (address === undefined) throw new ServiceError('NOT_FOUND', 'building.idNotFound', { id: input.id }, 'id');
  const { id, ...change } = input;
  return applyStatusChange(ctx, { ...change, selection: { kind: 'buildings', ids: [id] }, selectionLabel: address }, 'buildings.status.set', now);
}
