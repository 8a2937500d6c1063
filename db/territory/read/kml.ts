import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { ServiceError } from '../../errors';
import { featuresOf } from './geojson';
import type { ReadGis } from './types';

/** KML (Google Earth, 奥维): placemarks with their ExtendedData as attributes; always WGS-84 by the standard. */
export function readKml(text: string, file: string): ReadGis {
  let doc;
  try {
    doc = new DOMParser({ errorHandler: { fatalError: (message: string) => { throw new Error(message); } } }).parseFromString(text, 'text/xml');
  } catch (err) {
    throw new ServiceError('INVALID_INPUT', 'territory.badKml', { file, reason: (err as Error).message.split('\n')[0] ?? '' }, 'fileId');
  }
  if (!doc.documentElement || doc.documentElement.nodeName.toLowerCase() !== 'kml') {
    throw new ServiceError('INVALID_INPUT', 'territory.badKml', { file, reason: '根元素不是 <kml>' }, 'fileId');
  }
  return { format: 'kml', features: featuresOf(kml(doc), file), prj: null, declaredCrs: 'wgs84', encoding: null, layerName: file };
}
