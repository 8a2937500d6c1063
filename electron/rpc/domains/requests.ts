import { requestAlerts } from '../../../db/requests/alerts';
import { createRequest } from '../../../db/requests/create';
import { requestDetail } from '../../../db/requests/detail';
import { checkFilterScope } from '../../../db/requests/filter';
import { requestQueue } from '../../../db/requests/queue';
import { acceptRequest, assignRequest, resolveRequest, revisitRequest } from '../../../db/requests/transitions';
import { authorize } from '../../../db/auth/permissions';
import { startThreadJob } from '../jobs';
import type { requestMethods } from '../../api/requests';
import type { HandlerMap } from '../handler-types';

/** The services take the runtime's clock, so tests (and a test build) can set it. */
export const requestHandlers: HandlerMap<keyof typeof requestMethods> = {
  'requests.list': (ctx, input, env) => requestQueue(ctx, input, env.runtime.now()),
  'requests.get': (ctx, input, env) => requestDetail(ctx, input, env.runtime.now()),
  'requests.alerts': (ctx, _input, env) => requestAlerts(ctx, env.runtime.now()),
  'requests.create': (ctx, input, env) => createRequest(ctx, input, env.runtime.now()),
  'requests.accept': (ctx, input, env) => acceptRequest(ctx, input, env.runtime.now()),
  'requests.assign': (ctx, input, env) => assignRequest(ctx, input, env.runtime.now()),
  'requests.resolve': (ctx, input, env) => resolveRequest(ctx, input, env.runtime.now()),
  'requests.revisit': (ctx, input, env) => revisitRequest(ctx, input, env.runtime.now()),
  'requests.export': (ctx, input, env) => {
    authorize(ctx.actor, 'requests.read');
    checkFilterScope(ctx, input.filter);
    const now = env.runtime.now();
    return startThreadJob(env.runtime, ctx, 'requests.export', { filter: input.filter, now }, 'read');
  },
};
