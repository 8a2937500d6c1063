import type { ServiceContext } from '../context';
import { authorize } from '../auth/permissions';

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
  const count = (table: string) =>
    sqlite.prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM ${table} WHERE deleted = 0`).get()!.n;
  const residents = (
    sqlite.prepare<unknown[], { n: number }>('SELECT coalesce(sum(residents), 0) AS n FROM buildings WHERE deleted = 0').get()!
  ).n;
  return {
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    street,
    counts: {
      communities: count('communities'),
      zones: count('zones'),
      grids: count('grids'),
      compounds: count('compounds'),
      buildings: count('buildings'),
      residents,
    },
  };
}
