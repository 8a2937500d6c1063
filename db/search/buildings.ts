import type Database from 'better-sqlite3-multiple-ciphers';
import type { SearchBuilding, SearchGroup } from '../../electron/api/search';
import { ensureAddressInitials, likeSubstring } from '../buildings/address-search';
import { addressLabel, gridDisplayName, type SearchText, type StreetPrefix } from './text';

/**
 * Buildings whose address after the street's name holds the text, or whose initials after the
 * street's initials hold it: every address starts with 中山路街道, so `zsl` must not find them all.
 * The plain LIKE first keeps the cutting to the few addresses that hold the text anywhere.
 */
const SQL = `
  WITH rest AS (
    SELECT b.id, b.address, b.status, b.grid_id,
           CASE WHEN substr(b.address, 1, @streetLen) = @street THEN substr(b.address, @streetLen + 1) ELSE b.address END AS address_rest,
           CASE WHEN substr(b.address, 1, @streetLen) = @street AND substr(b.address_initials, 1, @prefixLen) = @prefix
                THEN substr(b.address_initials, @prefixLen + 1) ELSE b.address_initials END AS initials_rest
      FROM buildings b
     WHERE b.deleted = 0 AND (@scope IS NULL OR b.grid_id IN (SELECT value FROM json_each(@scope)))
       AND (b.address LIKE @like ESCAPE '\\' OR b.address_initials LIKE @likeInitials ESCAPE '\\'))
  SELECT r.id, r.address, r.status, g.name AS grid_name, c.name AS community_name, count(*) OVER () AS total
    FROM rest r JOIN grids g ON g.id = r.grid_id JOIN communities c ON c.id = g.community_id
   WHERE r.address_rest LIKE @like ESCAPE '\\' OR r.initials_rest LIKE @likeInitials ESCAPE '\\'
   ORDER BY r.address, r.id
   LIMIT @limit`;

interface Row {
  id: string;
  address: string;
  status: string;
  grid_name: string;
  community_name: string;
  total: number;
}

export function searchBuildings(sqlite: Database.Database, q: SearchText, street: StreetPrefix, scope: readonly string[] | null, limit: number): SearchGroup<SearchBuilding> {
  ensureAddressInitials(sqlite);
  const rows = sqlite.prepare<unknown[], Row>(SQL).all({
    street: street.name,
    streetLen: street.name.length,
    prefix: street.initials,
    prefixLen: street.initials.length,
    like: likeSubstring(q.text),
    likeInitials: likeSubstring(q.initials),
    scope: scope ? JSON.stringify(scope) : null,
    limit,
  });
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      address: r.address,
      label: addressLabel(r.address, street),
      gridName: gridDisplayName(r.community_name, r.grid_name),
      status: r.status,
    })),
  };
}
