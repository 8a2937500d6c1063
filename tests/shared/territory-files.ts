import { write as writeShp } from '@mapbox/shp-write';
import { zipSync } from 'fflate';
import gcoord from 'gcoord';
import iconv from 'iconv-lite';
import proj4 from 'proj4';
import { writeDbf } from '../../db/territory/dbf';

/** A street of one community (20 × 20 hundredths of a degree near 青岛) cut into two grids, west and east. */
export const STREET = { west: 120.37, east: 120.39, middle: 120.38, south: 36.06, north: 36.08 };

/** Buildings at known WGS-84 places: two in the west grid, one in the east, one outside every grid. */
export const BUILDINGS = [
  { name: '1号楼', address: '幸福里小区1号楼', compound: '幸福里小区', lng: 120.375, lat: 36.07, grid: '370202001001-01' },
  { name: '2号楼', address: '幸福里小区2号楼', compound: '幸福里小区', lng: 120.376, lat: 36.065, grid: '370202001001-01' },
  { name: '3号楼', address: '海滨花园3号楼', compound: '海滨花园', lng: 120.385, lat: 36.075, grid: '370202001001-02' },
  { name: '9号楼', address: '远郊9号楼', compound: '', lng: 120.45, lat: 36.07, grid: null },
];

const square = (west: number, south: number, east: number, north: number) => [
  [west, south],
  [east, south],
  [east, north],
  [west, north],
  [west, south],
];

/** EPSG:4549, CGCS2000 3-degree Gauss–Krüger, central meridian 120°E, as ArcGIS writes its .prj. */
export const PRJ_4549 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_120E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",120.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const GK_120 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

/** A .dbf written in GBK, as Chinese GIS software does. */
export const gbkDbf = (rows: Record<string, string>[]) => writeDbf(rows, (t) => iconv.encode(t, 'gbk'));

function shapes(rings: number[][][][]): Promise<{ shp: Uint8Array; shx: Uint8Array }> {
  return new Promise((resolve, reject) =>
    writeShp(
      rings.map(() => ({ n: 1 })),
      'POLYGON',
      rings,
      (err: unknown, files: { shp: DataView; shx: DataView }) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const bytes = (v: DataView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        resolve({ shp: bytes(files.shp), shx: bytes(files.shx) });
      },
    ),
  );
}

/** The two grids as a zipped Shapefile in EPSG:4549 with GBK attributes; `without` leaves a part out. */
export async function gridsShapefileZip(options: { without?: 'dbf' | 'prj' } = {}): Promise<Uint8Array> {
  const project = (ring: number[][]) => ring.map((p) => proj4('EPSG:4326', GK_120, p));
  const { west, middle, east, south, north } = STREET;
  const rings = [[project(square(west, south, middle, north))], [project(square(middle, south, east, north))]];
  const { shp, shx } = await shapes(rings);
  const dbf = gbkDbf([
    { WGBM: '370202001001-01', WGMC: '幸福里第1网格', SQBM: '370202001001' },
    { WGBM: '370202001001-02', WGMC: '幸福里第2网格', SQBM: '370202001001' },
  ]);
  const entries: Record<string, Uint8Array> = { '网格.shp': shp, '网格.shx': shx };
  if (options.without !== 'dbf') entries['网格.dbf'] = dbf;
  if (options.without !== 'prj') entries['网格.prj'] = new TextEncoder().encode(PRJ_4549);
  return zipSync(entries);
}

/** The community as WGS-84 GeoJSON. */
export function communityGeoJson(): string {
  const { west, east, south, north } = STREET;
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { 社区编码: '370202001001', 社区名称: '幸福里社区' }, geometry: { type: 'Polygon', coordinates: [square(west, south, east, north)] } }],
  });
}

/** The buildings as GeoJSON in GCJ-02 (as 高德 gives them): 40 m squares around the known places. */
export function buildingsGcjGeoJson(): string {
  const d = 0.0002;
  return JSON.stringify({
    type: 'FeatureCollection',
    features: BUILDINGS.map((b) => ({
      type: 'Feature',
      properties: { 名称: b.name, 地址: b.address, 小区: b.compound, 层数: 6 },
      geometry: {
        type: 'Polygon',
        coordinates: [square(b.lng - d, b.lat - d, b.lng + d, b.lat + d).map((p) => gcoord.transform(p as [number, number], gcoord.WGS84, gcoord.GCJ02))],
      },
    })),
  });
}

/** Features that each break one rule, numbered 1–6 in this order. */
export function badGeoJson(): string {
  const { west, south } = STREET;
  const f = (name: string, geometry: unknown) => ({ type: 'Feature', properties: { 编码: name, 名称: name }, geometry });
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      f('自相交', { type: 'Polygon', coordinates: [[[west, south], [west + 0.01, south + 0.01], [west + 0.01, south], [west, south + 0.01], [west, south]]] }),
      f('未闭合', { type: 'Polygon', coordinates: [[[west, south], [west + 0.01, south], [west + 0.01, south + 0.01], [west, south + 0.01]]] }),
      f('空几何', null),
      f('是点', { type: 'Point', coordinates: [west, south] }),
      f('境外', { type: 'Polygon', coordinates: [square(2.35, 48.85, 2.36, 48.86)] }),
      f('颠倒', { type: 'Polygon', coordinates: [square(south, west, south + 0.01, west + 0.01)] }),
    ],
  });
}
