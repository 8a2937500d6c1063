import type Database from 'better-sqlite3-multiple-ciphers';
import { ServiceError } from '../errors';
import type { Area } from './assign';

export interface OfficeRow {
  id: string;
  code: string;
  name: string;
  city: string;
  district: string;
}

export function officeOf(sqlite: Database.Database): OfficeRow | null {
  return sqlite.prepare<[], OfficeRow>('SELECT id, code, name, city, district FROM street_offices WHERE deleted = 0 LIMIT 1').get() ?? null;
}

export function requireOffice(sqlite: Database.Database): OfficeRow {
  const office = officeOf(sqlite);
  if (!office) throw new ServiceError('CONFLICT', 'territory.noOffice', {});
  return office;
}

type AreaRow = { id: string; code: string; name: string; boundary: string };
const toArea = (r: AreaRow): Area => ({ id: r.id, code: r.code, name: r.name, rings: JSON.parse(r.boundary) as number[][][] });

export function communityAreas(sqlite: Database.Database): Area[] {
  return sqlite.prepare<[], AreaRow>('SELECT id, code, name, boundary FROM communities WHERE deleted = 0 ORDER BY code').all().map(toArea);
}

export function gridAreas(sqlite: Database.Database): (Area & { communityId: string })[] {
  return sqlite
    .prepare<[], AreaRow & { community_id: string }>('SELECT id, code, name, boundary, community_id FROM grids WHERE deleted = 0 ORDER BY code')
    .all()
    .map((r) => ({ ...toArea(r), communityId: r.community_id }));
}

export function buildingIdsByAddress(sqlite: Database.Database): Map<string, string> {
  const rows = sqlite.prepare<[], { id: string; address: string }>('SELECT id, address FROM buildings WHERE deleted = 0').all();
  return new Map(rows.map((r) => [r.address, r.id]));
}
