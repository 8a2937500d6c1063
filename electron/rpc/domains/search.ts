import { searchAll } from '../../../db/search';
import type { searchMethods } from '../../api/search';
import type { HandlerMap } from '../handler-types';

export const searchHandlers: HandlerMap<keyof typeof searchMethods> = {
  'search.all': (ctx, input) => searchAll(ctx, input),
};
