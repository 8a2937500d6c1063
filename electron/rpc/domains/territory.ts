import { requireOffice, officeOf } from '../../../db/territory/existing';
import { officeInfo } from '../../../db/territory/office';
import { moveBuilding, splitGrid } from '../../../db/territory/split';
import { ServiceError } from '../../../db/errors';
import type { territoryMethods } from '../../api/territory';
import type { HandlerMap } from '../handler-types';
import { startThreadJob } from '../jobs';

export const territoryHandlers: HandlerMap<keyof typeof territoryMethods> = {
  'territory.office': (ctx) => officeInfo(ctx),
  'territory.seedDemo': (ctx, _input, env) => {
    const office = officeOf(ctx.sqlite);
    if (office) throw new ServiceError('CONFLICT', 'territory.officeExists', { name: office.name });
    return startThreadJob(env.runtime, ctx, 'territory.seedDemo', {}, 'write');
  },
  // Files and features are checked in the job; an installation without its office is refused now.
  'territory.preview': (ctx, input, env) => {
    requireOffice(ctx.sqlite);
    return startThreadJob(env.runtime, ctx, 'territory.preview', input, 'read');
  },
  'territory.apply': (ctx, input, env) => {
    requireOffice(ctx.sqlite);
    return startThreadJob(env.runtime, ctx, 'territory.apply', input, 'write');
  },
  'territory.export': (ctx, input, env) => {
    requireOffice(ctx.sqlite);
    return startThreadJob(env.runtime, ctx, 'territory.export', input, 'read');
  },
  'territory.splitGrid': (ctx, input) => splitGrid(ctx, input),
  'territory.moveBuilding': (ctx, input) => moveBuilding(ctx, input),
};
