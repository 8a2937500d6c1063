import { ServiceError } from '../../../db/errors';
import { buildingDetail } from '../../../db/buildings/detail';
import type { buildingMethods } from '../../api/buildings';
import type { HandlerMap } from '../handler-types';

const todo = (): never => {
  throw new ServiceError('INTERNAL', '尚未实现');
};

export const buildingHandlers: HandlerMap<keyof typeof buildingMethods> = {
  'buildings.get': (ctx, input) => buildingDetail(ctx, input.id),
  'buildings.list': todo,
  'buildings.export': todo,
  'buildings.households': todo,
  'buildings.addNeed': todo,
  'buildings.updateNeed': todo,
  'buildings.addIncident': todo,
  'buildings.updateIncident': todo,
};
