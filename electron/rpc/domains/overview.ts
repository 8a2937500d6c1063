import { overview } from '../../../db/overview';
import type { overviewMethods } from '../../api/overview';
import type { HandlerMap } from '../handler-types';

export const overviewHandlers: HandlerMap<keyof typeof overviewMethods> = {
  'overview.get': (ctx, input, env) => overview(ctx, input, env.runtime.now()),
};
