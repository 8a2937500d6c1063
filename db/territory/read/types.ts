import type { Geometry } from 'geojson';

/** A feature as the file has it: its number in the file (from 1), geometry in the file's coordinates, attributes. */
export interface RawFeature {
  row: number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
}

export interface ReadGis {
  format: 'geojson' | 'kml' | 'shapefile';
  features: RawFeature[];
  /** The .prj text of a Shapefile, or null. */
  prj: string | null;
  /** The GeoJSON `crs` member's name (old-style GeoJSON), or null. */
  declaredCrs: string | null;
  /** The attribute encoding used (Shapefile), or null. */
  encoding: string | null;
  /** The layer's name (the .shp's name), for messages. */
  layerName: string;
}
