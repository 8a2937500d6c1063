import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { EncodingChoice } from '../../../electron/api/territory';
import { ServiceError } from '../../errors';
import { readGeoJson } from './geojson';
import { readKml } from './kml';
import { readShapefileZip } from './shapefile';
import type { ReadGis } from './types';

/** GeoJSON and KML are parsed whole: past this size a file is refused (a zipped Shapefile has no such limit). */
export const MAX_TEXT_MB = 100;

function head(path: string, bytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** What the file is, by its bytes: a ZIP (Shapefile), KML (XML), GeoJSON (JSON), or none of these. */
export function readGisFile(path: string, file: string, encoding: EncodingChoice): ReadGis {
  const size = statSync(path).size;
  if (size === 0) throw new ServiceError('INVALID_INPUT', 'territory.fileEmpty', { file }, 'fileId');
  const start = head(path, 512);
  if (start[0] === 0x50 && start[1] === 0x4b) return readShapefileZip(readFileSync(path), file, encoding);
  const lead = start.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  const isXml = lead.startsWith('<');
  const isJson = lead.startsWith('{');
  if (!isXml && !isJson) throw new ServiceError('INVALID_INPUT', 'territory.notGis', { file }, 'fileId');
  if (size > MAX_TEXT_MB * 1024 * 1024) {
    throw new ServiceError('INVALID_INPUT', 'territory.tooLarge', { file, size: Math.round(size / 1024 / 1024), max: MAX_TEXT_MB }, 'fileId');
  }
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  if (isJson) return readGeoJson(text, file);
  if (!/<kml[\s>]/i.test(text.slice(0, 4096))) throw new ServiceError('INVALID_INPUT', 'territory.notGis', { file }, 'fileId');
  return readKml(text, file);
}
