import { buildingDetail } from '../../../db/buildings/detail';
import { buildingFilterSql } from '../../../db/buildings/filter';
import { startThreadJob } from '../jobs';
import { buildingHouseholds } from '../../../db/buildings/households';
import { listBuildings } from '../../../db/buildings/list';
import type { buildingMethods } from '../../api/buildings';
import type { HandlerMap } from '../handler-types';

export const buildingHandlers: HandlerMap<keyof typeof buildingMethods> = {
  'buildings.get': (ctx, input) => buildingDetail(ctx, input.id),
  'buildings.list': (ctx, input) => listBuildings(ctx, input),
  'buildings.export': (ctx, input, env) => {
    // The filter is checked now (a grid worker naming another grid is refused), not in the job.
    buildingFilterSql(ctx.sqlite, ctx.actor, input.filter, Date.now());
    return startThreadJob(env.runtime, ctx, 'buildings.export', input, 'read');
  },
  'buildings.households': (ctx, input) => buildingHouseholds(ctx, input.id),
};
