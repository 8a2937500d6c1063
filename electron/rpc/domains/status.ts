import { bulkSetStatus } from '../../../db/buildings/status/bulk';
import { lastBatch } from '../../../db/buildings/status/batches';
import { buildingHistory } from '../../../db/buildings/status/history';
import { statusReminders } from '../../../db/buildings/status/reminders';
import { setBuildingStatus } from '../../../db/buildings/status/set';
import { buildingStatusAt, statusAsOf } from '../../../db/buildings/status/as-of';
import { undoBatch } from '../../../db/buildings/status/undo';
import { designateSafeCompound } from '../../../db/compounds/safe-designate';
import { listSafeCompounds } from '../../../db/compounds/safe-list';
import { revokeSafeCompound } from '../../../db/compounds/safe-revoke';
import { listStatuses } from '../../../db/statuses/definitions';
import { saveStatus } from '../../../db/statuses/save';
import type { statusMethods } from '../../api/status';
import type { HandlerMap } from '../handler-types';

export const statusHandlers: HandlerMap<keyof typeof statusMethods> = {
  'statuses.list': (ctx) => listStatuses(ctx),
  'statuses.save': (ctx, input) => saveStatus(ctx, input),
  'buildings.setStatus': (ctx, input) => setBuildingStatus(ctx, input),
  'buildings.bulkSetStatus': (ctx, input) => bulkSetStatus(ctx, input),
  'buildings.lastBatch': (ctx) => lastBatch(ctx),
  'buildings.undoBatch': (ctx, input) => undoBatch(ctx, input),
  'buildings.reminders': (ctx, input) => statusReminders(ctx, input),
  'buildings.history': (ctx, input) => buildingHistory(ctx, input),
  'map.statusAsOf': (ctx, input) => statusAsOf(ctx, input),
  'buildings.statusAt': (ctx, input) => buildingStatusAt(ctx, input),
  'compounds.safeList': (ctx) => listSafeCompounds(ctx),
  'compounds.designateSafe': (ctx, input) => designateSafeCompound(ctx, input),
  'compounds.revokeSafe': (ctx, input) => revokeSafeCompound(ctx, input),
};
