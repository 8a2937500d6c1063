import { briefing } from '../../../db/briefing';
import { briefingSettings, saveBriefingSettings } from '../../../db/briefing/settings';
import type { briefingMethods } from '../../api/briefing';
import type { HandlerMap } from '../handler-types';
import { findReportFont } from '../../../db/report/pdf/font';
import { startThreadJob } from '../jobs';

export const briefingHandlers: HandlerMap<keyof typeof briefingMethods> = {
  'briefing.get': (ctx) => briefing(ctx),
  'briefing.settings': (ctx) => briefingSettings(ctx),
  'briefing.saveSettings': (ctx, input) => saveBriefingSettings(ctx, input),
  'briefing.exportPdf': (ctx, _input, env) => {
    // A machine without a Chinese font is refused now, not in the job.
    findReportFont();
    return startThreadJob(env.runtime, ctx, 'briefing.exportPdf', {}, 'read');
  },
};
