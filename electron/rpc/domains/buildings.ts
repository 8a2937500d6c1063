import { buildingDetail } from '../../../db/buildings/detail';
import { buildingFilterSql } from '../../../db/buildings/filter';
import { startThreadJob } from '../jobs';
import { buildingHouseholds } from '../../../db/buildings/households';
import { addIncident, updateIncident } from '../../../db/buildings/incidents';
import { listBuildings } from '../../../db/buildings/list';
import { addNeed, updateNeed } from '../../../db/buildings/needs';
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
  'buildings.addNeed': (ctx, input) => addNeed(ctx, input),
  'buildings.updateNeed': (ctx, input) => updateNeed(ctx, input),
  'buildings.addIncident': (ctx, input) => addIncident(ctx, input),
  'buildings.updateIncident': (ctx, input) => updateIncident(ctx, input),
};
