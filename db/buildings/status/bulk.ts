import type { ServiceContext } from '../../context';
import { applyStatusChange, type ChangeRequest, type StatusChangeData } from './apply';

/** `buildings.bulkSetStatus`: one status for a lasso/rectangle selection, a grid, a compound or a community. */
export function bulkSetStatus(ctx: ServiceContext, input: ChangeRequest, now = Date.now()): StatusChangeData {
  return applyStatusChange(ctx, input, 'buildings.status.bulk', now);
}
