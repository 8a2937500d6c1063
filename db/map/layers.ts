import type { ServiceContext } from '../context';
import { authorize, gridScope } from '../auth/permissions';
import type { ControlStatus } from '../schema';
import { mapRevision } from './revision';

interface AreaRow {
  id: string;
  code: string;
  name: string;
  boundary: string;
  label_lat: number;
  label_lng: number;
}

export interface MapLayersData {
  revision: number;
  street: { name: string; center: [number, number] };
  bounds: [[number, number], [number, number]];
  communities: { id: string; code: string; name: string; boundary: [number, number][][]; label: [number, number] }[];
  grids: {
    id: string;
    code: string;
    name: string;
    communityId: string;
    boundary: [number, number][][];
    label: [number, number];
  }[];
  buildings: { ids: string[]; statuses: ControlStatus[]; footprints: number[][] };
}

function area(row: AreaRow) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    boundary: JSON.parse(row.boundary) as [number, number][][],
    label: [row.label_lat, row.label_lng] as [number, number],
  };
}

/**
 * Everything the map draws, in one call: communities, grids, every building's footprint and
 * status, and the map revision they are at (read in one transaction, so they agree). `bounds`
 * is what the map opens on: the street, or for a grid worker their own grids.
 */
export function mapLayers(ctx: ServiceContext): MapLayersData {
  authorize(ctx.actor, 'territory.read');
  return ctx.sqlite.transaction(() => readLayers(ctx))();
}

function readLayers(ctx: ServiceContext): MapLayersData {
  const { sqlite } = ctx;
  const scope = gridScope(ctx.actor);
  const street = sqlite
    .prepare('SELECT name, center_lat, center_lng FROM street_offices WHERE deleted = 0 LIMIT 1')
    .get() as { name: string; center_lat: number; center_lng: number } | undefined;
  const communities = (
    sqlite
      .prepare('SELECT id, code, name, boundary, label_lat, label_lng FROM communities WHERE deleted = 0 ORDER BY code')
      .all() as AreaRow[]
  ).map(area);
  const grids = (
    sqlite
      .prepare(
        'SELECT id, code, name, community_id, boundary, label_lat, label_lng FROM grids WHERE deleted = 0 ORDER BY code',
      )
      .all() as (AreaRow & { community_id: string })[]
  ).map((row) => ({ ...area(row), communityId: row.community_id }));

  // A grid worker sees the street's outlines but only the buildings of their own grids.
  const rows = (
    scope
      ? sqlite
          .prepare(`SELECT id, status, footprint FROM buildings WHERE deleted = 0 AND grid_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
          .raw()
          .all(JSON.stringify(scope))
      : sqlite.prepare('SELECT id, status, footprint FROM buildings WHERE deleted = 0 ORDER BY id').raw().all()
  ) as [string, ControlStatus, string][];
  const ids = new Array<string>(rows.length);
  const statuses = new Array<ControlStatus>(rows.length);
  const footprints = new Array<number[]>(rows.length);
  let south = 90, west = 180, north = -90, east = -180;
  rows.forEach(([id, status, footprint], i) => {
    ids[i] = id;
    statuses[i] = status;
    const ring = JSON.parse(footprint) as [number, number][];
    const flat = new Array<number>(ring.length * 2);
    ring.forEach(([lng, lat], j) => {
      flat[2 * j] = lng;
      flat[2 * j + 1] = lat;
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lng < west) west = lng;
      if (lng > east) east = lng;
    });
    footprints[i] = flat;
  });
  // The map opens on what its viewer looks after: a grid worker's grids, everyone else the street.
  const outlines = scope ? grids.filter((g) => scope.includes(g.id)) : communities;
  for (const c of outlines)
    for (const [lng, lat] of c.boundary[0] ?? []) {
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lng < west) west = lng;
      if (lng > east) east = lng;
    }
  const center: [number, number] = street ? [street.center_lat, street.center_lng] : [(south + north) / 2, (west + east) / 2];
  return {
    revision: mapRevision(sqlite),
    street: { name: street?.name ?? '', center },
    bounds: south <= north ? [[south, west], [north, east]] : [[center[0], center[1]], [center[0], center[1]]],
    communities,
    grids,
    buildings: { ids, statuses, footprints },
  };
}
