import { unzipSync } from 'fflate';
import { parseDbf, parseShp } from 'shpjs';
import type { EncodingChoice } from '../../../electron/api/territory';
import { ServiceError } from '../../errors';
import { dbfEncoding } from './encoding';
import type { ReadGis } from './types';

const text = (bytes: Uint8Array | undefined): string | null => (bytes ? new TextDecoder('utf-8').decode(bytes).trim() : null);

/**
 * A zipped Shapefile: the first .shp in the archive with its .dbf (required), .prj and .cpg.
 * Coordinates are read as they are (no projection here: the caller decides the coordinate system).
 */
export function readShapefileZip(zip: Uint8Array, file: string, choice: EncodingChoice): ReadGis {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip);
  } catch {
    throw new ServiceError('INVALID_INPUT', 'territory.notGis', { file }, 'fileId');
  }
  const byLower = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(entries)) if (!name.includes('__MACOSX')) byLower.set(name.toLowerCase(), bytes);
  const shpName = [...byLower.keys()].find((n) => n.endsWith('.shp'));
  if (!shpName) throw new ServiceError('INVALID_INPUT', 'territory.noShp', { file }, 'fileId');
  const base = shpName.slice(0, -4);
  const layer = base.split('/').pop() ?? base;
  const original = Object.keys(entries).find((n) => n.toLowerCase() === shpName)!;
  const layerName = original.slice(0, -4).split('/').pop() ?? layer;
  const dbf = byLower.get(`${base}.dbf`);
  if (!dbf) throw new ServiceError('INVALID_INPUT', 'territory.noDbf', { layer: layerName }, 'fileId');
  let geometries;
  try {
    geometries = parseShp(byLower.get(shpName)!);
  } catch (err) {
    throw new ServiceError('INVALID_INPUT', 'territory.badShp', { layer: layerName, reason: (err as Error).message }, 'fileId');
  }
  const { encoding } = dbfEncoding(dbf, text(byLower.get(`${base}.cpg`)), choice);
  let records: Record<string, unknown>[];
  try {
    records = parseDbf(dbf, encoding);
  } catch (err) {
    throw new ServiceError('INVALID_INPUT', 'territory.badShp', { layer: `${layerName}.dbf`, reason: (err as Error).message }, 'fileId');
  }
  records.forEach((record, i) => {
    for (const value of Object.values(record)) {
      if (typeof value === 'string' && value.includes('\uFFFD')) {
        throw new ServiceError('INVALID_INPUT', 'territory.badEncoding', { encoding: encoding.toUpperCase(), row: i + 1 }, 'encoding');
      }
    }
  });
  return {
    format: 'shapefile',
    features: geometries.map((geometry, i) => ({ row: i + 1, geometry: geometry ?? null, properties: records[i] ?? {} })),
    prj: text(byLower.get(`${base}.prj`)),
    declaredCrs: null,
    encoding,
    layerName,
  };
}
