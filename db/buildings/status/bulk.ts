import type { ServiceContext } from '../../context';
import { applyStatusChange, type ChangeRequest } from './apply';
import type { StatusChangeResult } from '../../../electron/api/status';

/** `buildings.bulkSetStatus`: one status for a lasso/rectangle selection, a grid, a compound or a community. */
export function bulkSetStatus(ctx: ServiceContext, input: ChangeRequest, now = Date.now()): StatusChangeResult {
  return applyStatusChange(ctx, input, 'buildings.status.bulk', now);
}
