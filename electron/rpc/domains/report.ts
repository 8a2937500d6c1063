import { dailyReport } from '../../../db/report';
import type { reportMethods } from '../../api/report';
import type { HandlerMap } from '../handler-types';

export const reportHandlers: HandlerMap<keyof typeof reportMethods> = {
  'report.daily': (ctx, input) => dailyReport(ctx, input),
};
