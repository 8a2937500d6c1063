import type { ServiceContext } from '../../db/context';
import { systemInfo } from '../../db/system/info';
import { mapLayers } from '../../db/map/layers';
import { buildingDetail } from '../../db/buildings/detail';
import type { MethodName, MethodResult, ParsedInput } from '../api';
import { APP_VERSION } from './version';

export interface HandlerEnv {
  mode: 'electron' | 'browser';
}

type Handlers = {
  [M in MethodName]: (ctx: ServiceContext, input: ParsedInput<M>, env: HandlerEnv) => MethodResult<M>;
};

/**
 * The contract's methods bound to the services. The mapped type makes a missing method, or a
 * service whose result does not fit the contract's result type, a compile error.
 */
export const handlers: Handlers = {
  'system.info': (ctx, _input, env) => ({ appName: 'GridDesk', version: APP_VERSION, mode: env.mode, ...systemInfo(ctx) }),
  'map.layers': (ctx) => mapLayers(ctx),
  'buildings.get': (ctx, input) => buildingDetail(ctx, input.id),
};
