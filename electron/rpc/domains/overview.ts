import { overview } from '../../../db/overview';
import type { overviewMethods } from '../../api/overview';
import type { HandlerMap } from '../handler-types';

export const overviewHandlers: HandlerMap<keyof typeof overviewMethods> = {
  'overview.get': (ctx, input) => overview(ctx, input),
};
