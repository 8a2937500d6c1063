import { systemInfo } from '../../db/system/info';
import { mapLayers } from '../../db/map/layers';
import { mapChangesSince } from '../../db/map/changes';
import { checkAuditChain, listAuditActions, listAuditLog } from '../../db/audit/service';
import { revealPersonalData } from '../../db/people/reveal';
import type { DataMethod, Handler, HandlerMap } from './handler-types';
import { buildingHandlers } from './domains/buildings';
import { statusHandlers } from './domains/status';
import { screeningHandlers } from './domains/screening';
import { importHandlers } from './domains/imports';
import { jobHandlers } from './domains/jobs';
import { searchHandlers } from './domains/search';
import { overviewHandlers } from './domains/overview';
import { reportHandlers } from './domains/report';
import { requestHandlers } from './domains/requests';
import { briefingHandlers } from './domains/briefing';
import { wallHandlers } from './domains/wall';
import { bundleHandlers } from './domains/bundles';
import { staffingHandlers } from './domains/staffing';
import { territoryHandlers } from './domains/territory';
import { volunteerServiceHandlers } from './domains/volunteer-service';
import { volunteerHandlers } from './domains/volunteers';
import { territoryEditHandlers } from './domains/territory-edit';
import { basemapHandlers } from './domains/basemap';
import { APP_VERSION } from './version';

export type { DataMethod, HandlerEnv } from './handler-types';

/**
 * The contract's data methods bound to the services, which check the acting user's permissions
 * themselves. The mapped type makes a missing method, or a service whose result does not fit
 * the contract's result type, a compile error. Each domain keeps its map in `domains/`.
 */
export const handlers: { [M in DataMethod]: Handler<M> } = {
  'system.info': (ctx, _input, env) => ({ appName: 'GridDesk', version: APP_VERSION, mode: env.mode, ...systemInfo(ctx) }),
  'map.layers': (ctx) => mapLayers(ctx),
  'map.changesSince': (ctx, input) => mapChangesSince(ctx, input),
  'audit.query': (ctx, input) => listAuditLog(ctx, input),
  'audit.actions': (ctx) => listAuditActions(ctx),
  'audit.verify': (ctx) => checkAuditChain(ctx),
  'people.reveal': (ctx, input) => revealPersonalData(ctx, input),
  ...buildingHandlers,
  ...statusHandlers,
  ...screeningHandlers,
  ...importHandlers,
  ...jobHandlers,
  ...searchHandlers,
  ...overviewHandlers,
  ...reportHandlers,
  ...requestHandlers,
  ...briefingHandlers,
  ...wallHandlers,
  ...bundleHandlers,
  ...staffingHandlers,
  ...territoryHandlers,
  ...volunteerServiceHandlers,
  ...volunteerHandlers,
  ...territoryEditHandlers,
  ...basemapHandlers,
} satisfies HandlerMap<DataMethod>;
