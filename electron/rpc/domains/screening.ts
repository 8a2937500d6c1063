import { ServiceError } from '../../../db/errors';
import type { screeningMethods } from '../../api/screening';
import type { HandlerMap } from '../handler-types';

const todo = (): never => {
  throw new ServiceError('INTERNAL', '尚未实现');
};

export const screeningHandlers: HandlerMap<keyof typeof screeningMethods> = {
  'screening.rounds': todo,
  'screening.start': todo,
  'screening.close': todo,
  'screening.progress': todo,
  'screening.households': todo,
  'screening.visit': todo,
};
