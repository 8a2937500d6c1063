import type { ServiceContext } from '../../db/context';
import { systemInfo } from '../../db/system/info';
import { mapLayers } from '../../db/map/layers';
import { buildingDetail } from '../../db/buildings/detail';
import { checkAuditChain, listAuditActions, listAuditLog } from '../../db/audit/service';
import { revealPersonalData } from '../../db/people/reveal';
import type { MethodName, MethodResult, ParsedInput } from '../api';
import type { SessionMethod } from './session-handlers';
import { APP_VERSION } from './version';

export interface HandlerEnv {
  mode: 'electron' | 'browser';
}

export type DataMethod = Exclude<MethodName, SessionMethod>;

type Handlers = {
  [M in DataMethod]: (ctx: ServiceContext, input: ParsedInput<M>, env: HandlerEnv) => MethodResult<M> | Promise<MethodResult<M>>;
};

/**
 * The contract's data methods bound to the services, which check the acting user's permissions
 * themselves. The mapped type makes a missing method, or a service whose result does not fit
 * the contract's result type, a compile error.
 */
export const handlers: Handlers = {
  'system.info': (ctx, _input, env) => ({ appName: 'GridDesk', version: APP_VERSION, mode: env.mode, ...systemInfo(ctx) }),
  'map.layers': (ctx) => mapLayers(ctx),
  'buildings.get': (ctx, input) => buildingDetail(ctx, input.id),
  'audit.query': (ctx, input) => listAuditLog(ctx, input),
  'audit.actions': (ctx) => listAuditActions(ctx),
  'audit.verify': (ctx) => checkAuditChain(ctx),
  'people.reveal': (ctx, input) => revealPersonalData(ctx, input),
};
