/**
 * Inserts demo rows through prepared statements, stamping the sync columns: a UUIDv7 id (the
 * seed time, a row counter so ids grow in insert order, seeded random bits: the same seed gives
 * the same ids), an HLC timestamp, the node id, deleted = 0.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Random } from '../../maps/random';
import { formatHlc } from '../sync/hlc';

const TABLES = {
  street_offices: ['code', 'name', 'city', 'district', 'center_lat', 'center_lng'],
  communities: ['street_office_id', 'code', 'name', 'boundary', 'label_lat', 'label_lng'],
  zones: ['community_id', 'number', 'name'],
  grids: ['zone_id', 'community_id', 'code', 'number', 'name', 'boundary', 'label_lat', 'label_lng'],
  compounds: ['grid_id', 'name', 'kind', 'road', 'has_property_mgmt', 'open_compound'],
  buildings: [
    'compound_id', 'grid_id', 'community_id', 'kind', 'name', 'address', 'floors', 'unit_count', 'households', 'residents',
    'has_property_mgmt', 'open_compound', 'footprint', 'centroid_lat', 'centroid_lng', 'status', 'status_since', 'status_until',
    'address_initials',
  ],
  units: ['building_id', 'number', 'households'],
  people: ['name', 'gender', 'phone', 'id_number', 'party_member', 'source', 'employer'],
  duty_assignments: ['person_id', 'role', 'scope_type', 'scope_id', 'since'],
  building_status_history: [
    'building_id', 'status', 'previous_status', 'reason', 'changed_by', 'changed_at', 'effective_from', 'effective_until',
  ],
  households: ['building_id', 'unit_id', 'room', 'registration'],
  residents: ['household_id', 'building_id', 'name', 'gender', 'birth_year', 'id_number', 'phone', 'relation', 'registration'],
  resident_tags: ['resident_id', 'building_id', 'tag', 'starts_on', 'ends_on', 'note'],
  building_needs: ['building_id', 'household_id', 'kind', 'detail', 'requested_by', 'requested_at', 'assignee', 'done_at', 'done_by'],
  building_incidents: ['building_id', 'title', 'detail', 'reported_by', 'reported_at', 'handler', 'fixed_at', 'fix_note'],
  safe_compounds: ['compound_id', 'granted_at', 'criteria', 'note', 'granted_by'],
  screening_rounds: ['number', 'name', 'scope_type', 'scope_ids', 'started_at', 'started_by', 'closed_at', 'household_count'],
  screening_visits: [
    'round_id', 'household_id', 'building_id', 'grid_id', 'result', 'attempts', 'visited_at', 'visited_by', 'returnee', 'symptoms', 'needs', 'note',
  ],
} as const;

export type SeedTable = keyof typeof TABLES;
type Value = string | number | null;

/** HLC counters are 5 digits: after 100,000 rows the wall clock part moves on by 1 ms. */
const HLC_COUNTER_SPAN = 100_000;

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Runs `fill` with the secondary indexes of `tables` dropped, then builds them again (far faster than updating them row by row). */
export function withIndexesDeferred<T>(sqlite: Database.Database, tables: readonly SeedTable[], onRebuild: () => void, fill: () => T): T {
  const indexes = sqlite
    .prepare<unknown[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...tables);
  for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
  const result = fill();
  onRebuild();
  for (const i of indexes) sqlite.exec(i.sql);
  return result;
}

export class SeedWriter {
  private readonly statements = new Map<SeedTable, Database.Statement>();
  private count = 0;
  private readonly idPrefix: string;
  readonly rows: Record<SeedTable, number>;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly rng: Random,
    private readonly node: string,
    private readonly now: number,
  ) {
    this.rows = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0])) as Record<SeedTable, number>;
    for (const [table, columns] of Object.entries(TABLES) as [SeedTable, readonly string[]][]) {
      const all = ['id', 'hlc', 'origin', 'deleted', ...columns];
      this.statements.set(table, sqlite.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`));
    }
    const ms = hex(now, 12);
    this.idPrefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7`;
  }

  /** UUIDv7 with a 26-bit counter in rand_a and the top of rand_b (RFC 9562 method 1), then 48 seeded random bits. */
  private nextId(): string {
    const c = this.count;
    const tail = hex(Math.floor(this.rng.next() * 0x1000000), 6) + hex(Math.floor(this.rng.next() * 0x1000000), 6);
    return `${this.idPrefix}${hex((c >>> 14) & 0xfff, 3)}-${hex(0x8000 | (c & 0x3fff), 4)}-${tail}`;
  }

  /** Inserts a row (values in the order of the table's columns above, without the sync columns); returns its id. */
  insert(table: SeedTable, values: readonly Value[]): string {
    const wall = this.now - 1000 + Math.floor(this.count / HLC_COUNTER_SPAN);
    const hlc = formatHlc({ wall, counter: this.count % HLC_COUNTER_SPAN, node: this.node });
    const id = this.nextId();
    this.count++;
    this.rows[table]++;
    this.statements.get(table)!.run(id, hlc, this.node, 0, ...values);
    return id;
  }

  /** Sets derived columns of a row written earlier (counts known only once its children are written). */
  update(table: SeedTable, id: string, values: Readonly<Record<string, number>>): void {
    const columns = Object.keys(values);
    this.sqlite.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...columns.map((c) => values[c]!), id);
  }
}
