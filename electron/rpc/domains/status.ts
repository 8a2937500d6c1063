import { ServiceError } from '../../../db/errors';
import type { statusMethods } from '../../api/status';
import type { HandlerMap } from '../handler-types';

const todo = (): never => {
  throw new ServiceError('INTERNAL', '尚未实现');
};

export const statusHandlers: HandlerMap<keyof typeof statusMethods> = {
  'statuses.list': todo,
  'statuses.save': todo,
  'buildings.setStatus': todo,
  'buildings.bulkSetStatus': todo,
  'buildings.lastBatch': todo,
  'buildings.undoBatch': todo,
  'buildings.reminders': todo,
  'buildings.history': todo,
  'map.statusAsOf': todo,
  'compounds.safeList': todo,
  'compounds.designateSafe': todo,
  'compounds.revokeSafe': todo,
};
