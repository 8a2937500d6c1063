import gcoord from 'gcoord';
import proj4 from 'proj4';
import type { CrsChoice } from '../../electron/api/territory';
import { ServiceError } from '../errors';
import type { ReadGis } from './read/types';

export type ToWgs84 = (x: number, y: number) => [number, number];

export interface Crs {
  choice: CrsChoice;
  label: string;
  /** Decided from the file (.prj, GeoJSON crs, KML) rather than chosen or assumed. */
  detected: boolean;
  toWgs84: ToWgs84;
}

const identity: ToWgs84 = (x, y) => [x, y];

/** proj4 definition of a CGCS2000 3-degree Gauss–Krüger zone: EPSG 4513–4533 carry the zone number in the easting. */
export function gaussKrugerDef(epsg: number): { def: string; label: string } {
  if (epsg >= 4513 && epsg <= 4533) {
    const zone = epsg - 4513 + 25;
    return { def: `+proj=tmerc +lat_0=0 +lon_0=${zone * 3} +k=1 +x_0=${zone * 1_000_000 + 500_000} +y_0=0 +ellps=GRS80 +units=m +no_defs`, label: `CGCS2000 高斯-克吕格三度带第 ${zone} 带（EPSG:${epsg}）` };
  }
  const meridian = 75 + (epsg - 4534) * 3;
  return { def: `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`, label: `CGCS2000 高斯-克吕格三度带 中央经线 ${meridian}°E（EPSG:${epsg}）` };
}

function projected(epsg: number, detected: boolean): Crs {
  const { def, label } = gaussKrugerDef(epsg);
  const converter = proj4(def, 'EPSG:4326');
  return { choice: `epsg:${epsg}`, label, detected, toWgs84: (x, y) => converter.forward([x, y]) as [number, number] };
}

function chosen(choice: CrsChoice, detected: boolean): Crs {
  switch (choice) {
    case 'wgs84':
    case 'auto':
      return { choice: 'wgs84', label: 'WGS-84 经纬度', detected, toWgs84: identity };
    case 'cgcs2000':
      return { choice, label: 'CGCS2000 经纬度（与 WGS-84 相差在厘米级，按原样保存）', detected, toWgs84: identity };
    case 'gcj02':
      return { choice, label: 'GCJ-02（高德、腾讯）', detected, toWgs84: (x, y) => gcoord.transform([x, y], gcoord.GCJ02, gcoord.WGS84) as [number, number] };
    case 'bd09':
      return { choice, label: 'BD-09（百度）', detected, toWgs84: (x, y) => gcoord.transform([x, y], gcoord.BD09, gcoord.WGS84) as [number, number] };
    default:
      return projected(Number(choice.slice(5)), detected);
  }
}

const num = (wkt: string, name: string): number | null => {
  const m = new RegExp(`PARAMETER\\s*\\[\\s*"${name}"\\s*,\\s*(-?[\\d.]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
};

/**
 * The CGCS2000 coordinate system a .prj (WKT, as ArcGIS and QGIS write it) names, or null when it
 * is not one we know. Geographic CGCS2000 / WGS-84, and 3-degree Gauss–Krüger zones with or
 * without the zone number in the false easting.
 */
export function crsOfPrj(wkt: string): CrsChoice | null {
  const authority = /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(wkt.trim());
  const code = authority ? Number(authority[1]) : null;
  if (code !== null && code >= 4513 && code <= 4554) return `epsg:${code}`;
  const isProjected = /^\s*PROJCS/i.test(wkt);
  const is2000 = /CGCS[_ ]?2000|China[_ ]Geodetic[_ ]Coordinate[_ ]System[_ ]2000|China[_ ]2000/i.test(wkt);
  if (!isProjected) {
    if (/^\s*GEOGCS/i.test(wkt) && (is2000 || /WGS[_ ]?(19)?84/i.test(wkt))) return is2000 ? 'cgcs2000' : 'wgs84';
    return null;
  }
  if (!is2000 || !/Gauss|Transverse[_ ]Mercator/i.test(wkt)) return null;
  const meridian = num(wkt, 'Central_Meridian');
  const easting = num(wkt, 'False_Easting');
  const scale = num(wkt, 'Scale_Factor') ?? 1;
  if (meridian === null || easting === null || scale !== 1 || meridian % 3 !== 0) return null;
  if (easting === 500_000 && meridian >= 75 && meridian <= 135) return `epsg:${4534 + (meridian - 75) / 3}`;
  const zone = (easting - 500_000) / 1_000_000;
  if (zone === meridian / 3 && zone >= 25 && zone <= 45) return `epsg:${4513 + zone - 25}`;
  return null;
}

function crsOfDeclared(name: string): CrsChoice | null {
  if (name === 'wgs84' || /CRS84|EPSG:{1,2}4326$/i.test(name)) return 'wgs84';
  if (/EPSG:{1,2}4490$/i.test(name)) return 'cgcs2000';
  const m = /EPSG:{1,2}(45\d\d)$/i.exec(name);
  if (m && Number(m[1]) >= 4513 && Number(m[1]) <= 4554) return `epsg:${m[1]}`;
  return null;
}

/** The first coordinate pair of the file, with its feature number. */
function firstPosition(read: ReadGis): { row: number; x: number; y: number } | null {
  for (const f of read.features) {
    let c: unknown = f.geometry && 'coordinates' in f.geometry ? f.geometry.coordinates : null;
    while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') return { row: f.row, x: c[0], y: c[1] };
  }
  return null;
}

/** The coordinate system to read the file with: the user's choice, else what the file says, else WGS-84 when the numbers are degrees. */
export function decideCrs(read: ReadGis, choice: CrsChoice): Crs {
  if (choice !== 'auto') return chosen(choice, false);
  if (read.prj) {
    const fromPrj = crsOfPrj(read.prj);
    if (!fromPrj) {
      const name = /^\s*\w+\s*\[\s*"([^"]*)"/.exec(read.prj)?.[1] ?? read.prj.slice(0, 40);
      throw new ServiceError('INVALID_INPUT', 'territory.unknownPrj', { layer: read.layerName, name }, 'crs');
    }
    return chosen(fromPrj, true);
  }
  const declared = read.declaredCrs ? crsOfDeclared(read.declaredCrs) : null;
  if (declared) return chosen(declared, true);
  const first = firstPosition(read);
  if (first && (Math.abs(first.x) > 180 || Math.abs(first.y) > 90)) {
    throw new ServiceError('INVALID_INPUT', 'territory.projectedNoPrj', { row: first.row, x: first.x, y: first.y }, 'crs');
  }
  if (first && first.x >= 3 && first.x <= 54 && first.y >= 73 && first.y <= 136) {
    throw new ServiceError('INVALID_INPUT', 'territory.swapped', { row: first.row, x: first.x, y: first.y }, 'crs');
  }
  return { ...chosen('wgs84', false), label: 'WGS-84 经纬度（文件未说明坐标系；来自高德、腾讯的数据请改选 GCJ-02，百度的选 BD-09）' };
}
