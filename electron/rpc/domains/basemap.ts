import { basemapInfo, importBasemap, removeBasemap, setTianditu } from '../../../db/basemap/service';
import type { basemapMethods } from '../../api/basemap';
import type { HandlerMap } from '../handler-types';

export const basemapHandlers: HandlerMap<keyof typeof basemapMethods> = {
  'basemap.info': (ctx) => basemapInfo(ctx),
  'basemap.import': (ctx, input) => importBasemap(ctx, input),
  'basemap.remove': (ctx) => removeBasemap(ctx),
  'basemap.setTianditu': (ctx, input) => setTianditu(ctx, input),
};
