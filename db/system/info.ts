import type { ServiceContext } from '../context';
import { authorize, gridScope } from '../auth/permissions';

import type { SystemInfo } from '../../electron/api/system';

/** What the data answers of `system.info`; name, version and mode come from the host. */
export type SystemInfoData = Omit<SystemInfo, 'appName' | 'version' | 'mode'>;

export function systemInfo(ctx: ServiceContext): SystemInfoData {
  const { sqlite } = ctx;
  authorize(ctx.actor, 'territory.read');
  const street =
    sqlite
      .prepare<unknown[], NonNullable<SystemInfoData['street']>>('SELECT id, name, code, city, district FROM street_offices WHERE deleted = 0 LIMIT 1')
      .get() ?? null;
  const scope = gridScope(ctx.actor);
  if (scope) return { schemaVersion: schemaVersion(ctx), street, counts: ownCounts(ctx, scope), countsOf: 'own' };
  const count = (table: string) =>
    sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE deleted = 0`).get()!.n;
  const residents = (
    sqlite.prepare<unknown[], { n: number }>('SELECT coalesce(sum(residents), 0) AS n FROM buildings WHERE deleted = 0').get()!
  ).n;
  return {
    schemaVersion: schemaVersion(ctx),
    street,
    counts: {
      communities: count('communities'),
      zones: count('zones'),
      grids: count('grids'),
      compounds: count('compounds'),
      buildings: count('buildings'),
      residents,
    },
    countsOf: 'street',
  };
}

function schemaVersion(ctx: Pick<ServiceContext, 'sqlite'>): number {
  return ctx.sqlite.pragma('user_version', { simple: true }) as number;
}

/** A grid worker's figures: their grids, and the communities, zones, compounds, buildings and residents in them. */
function ownCounts(ctx: Pick<ServiceContext, 'sqlite'>, scope: readonly string[]): SystemInfoData['counts'] {
  return ctx.sqlite
    .prepare<unknown[], SystemInfoData['counts']>(
      `SELECT (SELECT count(DISTINCT community_id) FROM grids WHERE id IN (SELECT value FROM json_each(@scope)) AND deleted = 0) AS communities,
              (SELECT count(DISTINCT zone_id) FROM grids WHERE id IN (SELECT value FROM json_each(@scope)) AND deleted = 0) AS zones,
              (SELECT count(*) FROM grids WHERE id IN (SELECT value FROM json_each(@scope)) AND deleted = 0) AS grids,
              count(DISTINCT b.compound_id) AS compounds, count(*) AS buildings, coalesce(sum(b.residents), 0) AS residents
         FROM buildings b WHERE b.deleted = 0 AND b.grid_id IN (SELECT value FROM json_each(@scope))`,
    )
    .get({ scope: JSON.stringify(scope) })!;
}
