import type { Position } from '../local-frame';

/** Centre of the demo area (Qingdao, 市南区), [lng, lat] WGS-84; the basemap is laid out around it. */
export const BASEMAP_CENTER: Position = [120.37, 36.066];
