import { closeRound } from '../../../db/screening/close';
import { screeningQueue } from '../../../db/screening/households';
import { screeningProgress } from '../../../db/screening/progress';
import { listRounds } from '../../../db/screening/rounds';
import { checkRoundInput, previewRound } from '../../../db/screening/start';
import { startThreadJob } from '../jobs';
import { recordVisit } from '../../../db/screening/visit';
import type { screeningMethods } from '../../api/screening';
import type { HandlerMap } from '../handler-types';

export const screeningHandlers: HandlerMap<keyof typeof screeningMethods> = {
  'screening.rounds': (ctx) => listRounds(ctx),
  'screening.preview': (ctx, input) => previewRound(ctx, input),
  'screening.start': (ctx, input, env) => {
    checkRoundInput(ctx, input);
    return startThreadJob(env.runtime, ctx, 'screening.start', input, 'write');
  },
  'screening.close': (ctx, input) => closeRound(ctx, input),
  'screening.progress': (ctx, input) => screeningProgress(ctx, input),
  'screening.households': (ctx, input) => screeningQueue(ctx, input),
  'screening.visit': (ctx, input) => recordVisit(ctx, input),
};
