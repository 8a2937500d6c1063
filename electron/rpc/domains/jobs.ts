import type { jobMethods } from '../../api/jobs';
import type { HandlerMap } from '../handler-types';

export const jobHandlers: HandlerMap<keyof typeof jobMethods> = {
  'jobs.list': (ctx, _input, env) => env.runtime.jobs.list(ctx.actor),
  'jobs.get': (ctx, input, env) => env.runtime.jobs.get(ctx.actor, input.id),
  'jobs.cancel': (ctx, input, env) => env.runtime.jobs.cancel(ctx.actor, input.id),
};
