import { writeFileSync } from 'node:fs';
import { write as writeShp } from '@mapbox/shp-write';
import { zipSync } from 'fflate';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { appendAudit } from '../audit/append';
import type { ServiceContext } from '../context';
import { commitFile, discardFile, reserveFile, type StoredFile } from '../files/store';
import type { JobControl } from '../jobs/types';
import { writeDbf } from './dbf';
import { requireOffice } from './existing';

/** WGS-84 geographic, as the city's GIS reads it from the .prj. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["Degree",0.017453292519943295]]';

type Props = Record<string, string | number>;
type Layer = { name: 'communities' | 'grids' | 'buildings'; features: Feature<Polygon, Props>[] };

function layers(ctx: ServiceContext, job: JobControl): Layer[] {
  const { sqlite } = ctx;
  const poly = (coordinates: number[][][], properties: Props): Feature<Polygon, Props> => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties });
  const communities = sqlite
    .prepare<[], { code: string; name: string; boundary: string }>('SELECT code, name, boundary FROM communities WHERE deleted = 0 ORDER BY code')
    .all()
    .map((r) => poly(JSON.parse(r.boundary) as number[][][], { code: r.code, name: r.name }));
  job.progress('读取辖区', 1, 3);
  const grids = sqlite
    .prepare<[], { code: string; name: string; boundary: string; community: string }>(
      'SELECT g.code, g.name, g.boundary, c.code AS community FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.deleted = 0 ORDER BY g.code',
    )
    .all()
    .map((r) => poly(JSON.parse(r.boundary) as number[][][], { code: r.code, name: r.name, community: r.community }));
  job.progress('读取辖区', 2, 3);
  job.throwIfCancelled();
  const buildings = sqlite
    .prepare<[], { name: string; address: string; floors: number; footprint: string; grid: string; compound: string }>(
      `SELECT b.name, b.address, b.floors, b.footprint, g.code AS grid, c.name AS compound
       FROM buildings b JOIN grids g ON g.id = b.grid_id JOIN compounds c ON c.id = b.compound_id WHERE b.deleted = 0 ORDER BY b.address`,
    )
    .all()
    .map((r) => poly([JSON.parse(r.footprint) as number[][]], { name: r.name, address: r.address, floors: r.floors, grid: r.grid, compound: r.compound }));
  job.progress('读取辖区', 3, 3);
  return [
    { name: 'communities', features: communities },
    { name: 'grids', features: grids },
    { name: 'buildings', features: buildings },
  ];
}

function shapefileLayer(layer: Layer): Promise<{ shp: Uint8Array; shx: Uint8Array }> {
  return new Promise((resolve, reject) => {
    writeShp(
      layer.features.map((f) => f.properties),
      'POLYGON',
      layer.features.map((f) => f.geometry.coordinates),
      (err: unknown, files: { shp: DataView; shx: DataView }) => {
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const bytes = (v: DataView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
        resolve({ shp: bytes(files.shp), shx: bytes(files.shx) });
      },
    );
  });
}

/**
 * The territory for the city's GIS, in WGS-84: one GeoJSON FeatureCollection (each feature's
 * `layer` says which), or a .zip with communities, grids and buildings as Shapefiles (.prj, and a
 * .cpg saying the attributes are UTF-8). Audited.
 */
export async function exportTerritory(ctx: ServiceContext, input: { format: 'geojson' | 'shapefile' }, job: JobControl): Promise<{ file: StoredFile; features: number }> {
  const office = requireOffice(ctx.sqlite);
  const all = layers(ctx, job);
  const features = all.reduce((n, l) => n + l.features.length, 0);
  const target = reserveFile(ctx.dataDir);
  const date = new Date().toISOString().slice(0, 10);
  let name: string;
  try {
    job.progress('写入文件', 0, 1);
    if (input.format === 'geojson') {
      const collection: FeatureCollection = {
        type: 'FeatureCollection',
        features: all.flatMap((l) => l.features.map((f) => ({ ...f, properties: { layer: l.name, ...f.properties } }))),
      };
      writeFileSync(target.path, JSON.stringify(collection), { mode: 0o600 });
      name = `${office.name}辖区-${date}.geojson`;
    } else {
      const entries: Record<string, Uint8Array> = {};
      const enc = new TextEncoder();
      for (const layer of all) {
        job.throwIfCancelled();
        if (layer.features.length === 0) continue;
        const files = await shapefileLayer(layer);
        entries[`${layer.name}.shp`] = files.shp;
        entries[`${layer.name}.shx`] = files.shx;
        entries[`${layer.name}.dbf`] = writeDbf(layer.features.map((f) => f.properties));
        entries[`${layer.name}.prj`] = enc.encode(WGS84_PRJ);
        entries[`${layer.name}.cpg`] = enc.encode('UTF-8');
      }
      writeFileSync(target.path, zipSync(entries), { mode: 0o600 });
      name = `${office.name}辖区-${date}.zip`;
    }
    job.throwIfCancelled();
  } catch (err) {
    discardFile(ctx.dataDir, target.id);
    throw err;
  }
  const file = commitFile(ctx.dataDir, target.id, { name, kind: 'export', ownerId: ctx.actor.id });
  appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'territory.export', target: name, detail: { format: input.format, features } });
  return { file, features };
}
