import { dailyReport } from '../../../db/report';
import { reportDay } from '../../../db/report/day';
import { findReportFont } from '../../../db/report/pdf/font';
import type { reportMethods } from '../../api/report';
import type { HandlerMap } from '../handler-types';
import { startThreadJob } from '../jobs';

export const reportHandlers: HandlerMap<keyof typeof reportMethods> = {
  'report.daily': (ctx, input) => dailyReport(ctx, input),
  'report.exportPdf': (ctx, input, env) => {
    // A day not begun and a machine without a Chinese font are refused now, not in the job; the
    // job is given the day as reckoned now, so a report started before midnight stays that day's.
    const day = reportDay(input.date, Date.now());
    findReportFont();
    return startThreadJob(env.runtime, ctx, 'report.exportPdf', { date: day.date }, 'read');
  },
};
