import { briefing } from '../../../db/briefing';
import { briefingSettings, saveBriefingSettings } from '../../../db/briefing/settings';
import type { briefingMethods } from '../../api/briefing';
import type { HandlerMap } from '../handler-types';

export const briefingHandlers: HandlerMap<keyof typeof briefingMethods> = {
  'briefing.get': (ctx) => briefing(ctx),
  'briefing.settings': (ctx) => briefingSettings(ctx),
  'briefing.saveSettings': (ctx, input) => saveBriefingSettings(ctx, input),
};
