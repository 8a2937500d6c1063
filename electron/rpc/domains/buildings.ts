import { buildingDetail } from '../../../db/buildings/detail';
import { authorize } from '../../../db/auth/permissions';
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
    authorize(ctx.actor, 'buildings.read');
    return startThreadJob(env.runtime, ctx, 'buildings.export', input, 'read');
  },
  'buildings.households': (ctx, input) => buildingHouseholds(ctx, input.id),
  'buildings.addNeed': (ctx, input) => addNeed(ctx, input),
  'buildings.updateNeed': (ctx, input) => updateNeed(ctx, input),
  'buildings.addIncident': (ctx, input) => addIncident(ctx, input),
  'buildings.updateIncident': (ctx, input) => updateIncident(ctx, input),
};
