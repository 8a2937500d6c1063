import type Database from 'better-sqlite3-multiple-ciphers';
import type { SearchGroup, SearchResident } from '../../electron/api/search';
import { maskPhone } from '../personal-data';
import { ensurePhoneTails } from './phone-tails';
import type { SearchText } from './text';

const FROM = `FROM residents r JOIN households h ON h.id = r.household_id JOIN buildings b ON b.id = r.building_id
  WHERE r.deleted = 0 AND b.deleted = 0 AND (@scope IS NULL OR b.grid_id IN (SELECT value FROM json_each(@scope)))`;
const COLUMNS = `r.id, r.name, r.phone, r.building_id, b.address, h.room, count(*) OVER () AS total`;

/** By the end of the phone number (its last four digits looked up first), or by the start of the name (a range the name index answers). */
const SQL = {
  phone: `SELECT ${COLUMNS} ${FROM}
    AND r.id IN (SELECT resident_id FROM temp.resident_phone_tails WHERE tail = substr(@tail, -4)) AND r.phone LIKE '%' || @tail
    ORDER BY r.name, b.address, r.id LIMIT @limit`,
  name: `SELECT ${COLUMNS} ${FROM} AND r.name >= @name AND r.name < @nameEnd ORDER BY r.name, b.address, r.id LIMIT @limit`,
} as const;

interface Row {
  id: string;
  name: string;
  phone: string | null;
  building_id: string;
  address: string;
  room: string;
  total: number;
}

/**
 * Residents whose phone ends in the typed digits, or whose name starts with the typed text.
 * Phones come back masked; the caller has checked that the account may see residents at all.
 */
export function searchResidents(sqlite: Database.Database, q: SearchText, scope: readonly string[] | null, limit: number): SearchGroup<SearchResident> {
  if (q.phoneTail) ensurePhoneTails(sqlite);
  const params = { scope: scope ? JSON.stringify(scope) : null, limit };
  const rows = q.phoneTail
    ? sqlite.prepare<unknown[], Row>(SQL.phone).all({ ...params, tail: q.phoneTail })
    : sqlite.prepare<unknown[], Row>(SQL.name).all({ ...params, name: q.text, nameEnd: `${q.text}\u{10FFFF}` });
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      phone: r.phone === null ? null : maskPhone(r.phone),
      buildingId: r.building_id,
      address: r.address,
      room: r.room,
    })),
  };
}
