declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): Geometry[];
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
