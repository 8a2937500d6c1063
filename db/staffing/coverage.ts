import type Database from 'better-sqlite3-multiple-ciphers';
import { authorize, gridScope } from '../auth/permissions';
import type { ServiceContext } from '../context';
import type { CoverageBuilding, CoverageGrid, CoverageZone, CoverageHolder, StaffingCoverage } from '../../electron/api/staffing';

interface HolderRow {
  scope_id: string;
  role: string;
  person_id: string;
  name: string;
}

/** The live holders of the roles on one kind of scope, by scope then role. */
function holders(sqlite: Database.Database, scopeType: 'zone' | 'grid' | 'building'): Map<string, Map<string, CoverageHolder[]>> {
  const rows = sqlite
    .prepare<unknown[], HolderRow>(
      `SELECT d.scope_id, d.role, d.person_id, p.name FROM duty_assignments d JOIN people p ON p.id = d.person_id AND p.deleted = 0
       WHERE d.deleted = 0 AND d.scope_type = ? ORDER BY d.since, d.id`,
    )
    .all(scopeType);
  const out = new Map<string, Map<string, CoverageHolder[]>>();
  for (const r of rows) {
    let byRole = out.get(r.scope_id);
    if (!byRole) out.set(r.scope_id, (byRole = new Map()));
    const list = byRole.get(r.role);
    const holder = { personId: r.person_id, name: r.name };
    if (list) list.push(holder);
    else byRole.set(r.role, [holder]);
  }
  return out;
}

interface GridRow {
  id: string;
  name: string;
  zone_id: string;
  zone_name: string;
  community_name: string;
}

interface BuildingRow {
  id: string;
  name: string;
  kind: string;
  grid_id: string;
  grid_name: string;
  compound_name: string;
}

const BUILDING_SQL = `SELECT b.id, b.name, b.kind, b.grid_id, g.name AS grid_name, co.name AS compound_name
  FROM buildings b JOIN grids g ON g.id = b.grid_id JOIN compounds co ON co.id = b.compound_id
  WHERE b.deleted = 0`;

/** 三长 and grid workers of the zones, grids and buildings the caller sees (a grid worker: their grids and zones). */
export function staffingCoverage(ctx: ServiceContext, input: { gridId?: string | undefined }): StaffingCoverage {
  authorize(ctx.actor, 'staffing.read');
  if (input.gridId) authorize(ctx.actor, 'staffing.read', { gridId: input.gridId });
  const { sqlite } = ctx;
  const mine = gridScope(ctx.actor);
  const inScope = mine ? new Set(mine) : null;
  const zoneHolders = holders(sqlite, 'zone');
  const gridHolders = holders(sqlite, 'grid');
  const buildingHolders = holders(sqlite, 'building');

  const gridRows = sqlite
    .prepare<unknown[], GridRow>(
      `SELECT g.id, g.name, g.zone_id, z.name AS zone_name, c.name AS community_name
       FROM grids g JOIN zones z ON z.id = g.zone_id JOIN communities c ON c.id = g.community_id
       WHERE g.deleted = 0 ORDER BY c.code, z.number, g.number, g.id`,
    )
    .all()
    .filter((g) => !inScope || inScope.has(g.id));
  const buildingCounts = new Map<string, { all: number; headless: number }>();
  const headless: CoverageBuilding[] = [];
  const buildingOf = (b: BuildingRow, heads: CoverageHolder[]): CoverageBuilding => ({
    id: b.id,
    name: b.name,
    kind: b.kind,
    gridId: b.grid_id,
    gridName: b.grid_name,
    compoundName: b.compound_name,
    heads,
  });
  const headsOf = (id: string): CoverageHolder[] => {
    const byRole = buildingHolders.get(id);
    return byRole ? [...(byRole.get('building_head') ?? []), ...(byRole.get('alley_head') ?? [])] : [];
  };
  for (const b of sqlite.prepare<unknown[], BuildingRow>(`${BUILDING_SQL} ORDER BY g.code, co.name, b.name, b.id`).iterate()) {
    if (inScope && !inScope.has(b.grid_id)) continue;
    let count = buildingCounts.get(b.grid_id);
    if (!count) buildingCounts.set(b.grid_id, (count = { all: 0, headless: 0 }));
    count.all++;
    const heads = headsOf(b.id);
    if (heads.length === 0) {
      count.headless++;
      if (!input.gridId) headless.push(buildingOf(b, heads));
    }
  }

  const grids: CoverageGrid[] = gridRows.map((g) => {
    const byRole = gridHolders.get(g.id);
    const count = buildingCounts.get(g.id) ?? { all: 0, headless: 0 };
    return {
      id: g.id,
      name: g.name,
      communityName: g.community_name,
      zoneName: g.zone_name,
      gridHeads: byRole?.get('grid_head') ?? [],
      gridWorkers: byRole?.get('grid_worker') ?? [],
      buildings: count.all,
      buildingsWithoutHead: count.headless,
    };
  });
  const zoneIds = new Set(gridRows.map((g) => g.zone_id));
  const zones: CoverageZone[] = sqlite
    .prepare<unknown[], { id: string; name: string; community_name: string }>(
      `SELECT z.id, z.name, c.name AS community_name FROM zones z JOIN communities c ON c.id = z.community_id WHERE z.deleted = 0 ORDER BY c.code, z.number, z.id`,
    )
    .all()
    .filter((z) => !inScope || zoneIds.has(z.id))
    .map((z) => ({ id: z.id, name: z.name, communityName: z.community_name, zoneHeads: zoneHolders.get(z.id)?.get('zone_head') ?? [] }));
  const buildings = input.gridId
    ? sqlite
        .prepare<unknown[], BuildingRow>(`${BUILDING_SQL} AND b.grid_id = ? ORDER BY co.name, b.name, b.id`)
        .all(input.gridId)
        .map((b) => buildingOf(b, headsOf(b.id)))
    : headless;
  let all = 0;
  let withoutHead = 0;
  for (const c of buildingCounts.values()) {
    all += c.all;
    withoutHead += c.headless;
  }
  return {
    zones,
    grids,
    buildings,
    totals: {
      zones: zones.length,
      zonesWithoutHead: zones.filter((z) => z.zoneHeads.length === 0).length,
      grids: grids.length,
      gridsWithoutHead: grids.filter((g) => g.gridHeads.length === 0).length,
      gridsWithoutWorker: grids.filter((g) => g.gridWorkers.length === 0).length,
      buildings: all,
      buildingsWithoutHead: withoutHead,
    },
  };
}
