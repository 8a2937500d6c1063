import { z } from 'zod';
import { mutation, query } from './define';

/** An imported offline basemap: one PMTiles file (vector or raster) or a raster MBTiles file. */
export type BasemapKind = 'pmtiles' | 'mbtiles';
/** What its tiles are: Mapbox vector tiles (PMTiles only) or images. */
export type BasemapFormat = 'mvt' | 'png' | 'jpg' | 'webp';

export interface ImportedBasemap {
  kind: BasemapKind;
  format: BasemapFormat;
  /** The file's name as it was uploaded. */
  name: string;
  size: number;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in WGS-84, or null when the file does not say. */
  bounds: [number, number, number, number] | null;
  importedAt: number;
  importedBy: string;
  /**
   * Where the window reads it, on its own origin: tiles `<url>/{z}/{x}/{y}` (MBTiles) or the
   * file by HTTP range requests (PMTiles). Changes with every import, so no stale tile is shown.
   */
  url: string;
}

/** What the map draws under the street: the imported file, else 天地图 with the office's key, else the generated basemap. */
export interface BasemapInfo {
  imported: ImportedBasemap | null;
  /** Whether the office set a 天地图 key: its tiles are fetched by the app's own server (`/api/basemap/tianditu/…`), which keeps the key. */
  tianditu: boolean;
}

export const basemapMethods = {
  'basemap.info': query<BasemapInfo>({ permission: 'signedIn' })(z.object({}).strict()),
  /** Takes an uploaded .pmtiles or .mbtiles file as the street's basemap, replacing the one before. */
  'basemap.import': mutation<ImportedBasemap>({ permission: 'territory.manage', invalidates: ['basemap'] })(
    z.object({ fileId: z.string().regex(/^[0-9a-f-]{36}$/, '文件编号无效') }).strict(),
  ),
  /** Goes back to the generated basemap (or 天地图 when a key is set). */
  'basemap.remove': mutation<{ removed: boolean }>({ permission: 'territory.manage', invalidates: ['basemap'] })(z.object({}).strict()),
  /** The office's 天地图 key (null: no online tiles). */
  'basemap.setTianditu': mutation<BasemapInfo>({ permission: 'territory.manage', invalidates: ['basemap'] })(
    z
      .object({
        key: z
          .string()
          .trim()
          .regex(/^[0-9a-f]{32}$/i, '天地图密钥应为 32 位十六进制字符（在天地图开发者中心申请）')
          .nullable(),
      })
      .strict(),
  ),
};
