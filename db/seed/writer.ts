/**
 * Inserts demo rows through prepared statements, stamping the sync columns: a UUIDv7 id from
 * seeded bytes (the same seed gives the same ids), an HLC timestamp, the node id, deleted = 0.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Random } from '../../maps/random';
import { formatHlc } from '../sync/hlc';
import { uuidv7 } from '../sync/ids';

const TABLES = {
  street_offices: ['code', 'name', 'city', 'district', 'center_lat', 'center_lng'],
  communities: ['street_office_id', 'code', 'name', 'boundary', 'label_lat', 'label_lng'],
  zones: ['community_id', 'number', 'name'],
  grids: ['zone_id', 'community_id', 'code', 'number', 'name', 'boundary', 'label_lat', 'label_lng'],
  compounds: ['grid_id', 'name', 'kind', 'road', 'has_property_mgmt', 'open_compound'],
  buildings: [
    'compound_id', 'grid_id', 'community_id', 'kind', 'name', 'address', 'floors', 'unit_count', 'households', 'residents',
    'has_property_mgmt', 'open_compound', 'footprint', 'centroid_lat', 'centroid_lng', 'status', 'status_since',
  ],
  units: ['building_id', 'number', 'households'],
  people: ['name', 'gender', 'phone', 'id_number', 'party_member', 'source', 'employer'],
  duty_assignments: ['person_id', 'role', 'scope_type', 'scope_id', 'since'],
  building_status_history: [
    'building_id', 'status', 'previous_status', 'reason', 'changed_by', 'changed_at', 'effective_from', 'effective_until',
  ],
} as const;

export type SeedTable = keyof typeof TABLES;
type Value = string | number | null;

/** HLC counters are 5 digits: after 100,000 rows the wall clock part moves on by 1 ms. */
const HLC_COUNTER_SPAN = 100_000;

export class SeedWriter {
  private readonly statements = new Map<SeedTable, Database.Statement>();
  private count = 0;
  readonly rows: Record<SeedTable, number>;

  constructor(
    sqlite: Database.Database,
    private readonly rng: Random,
    private readonly node: string,
    private readonly now: number,
  ) {
    this.rows = Object.fromEntries(Object.keys(TABLES).map((t) => [t, 0])) as Record<SeedTable, number>;
    for (const [table, columns] of Object.entries(TABLES) as [SeedTable, readonly string[]][]) {
      const all = ['id', 'hlc', 'origin', 'deleted', ...columns];
      this.statements.set(table, sqlite.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`));
    }
  }

  /** Inserts a row (values in the order of the table's columns above, without the sync columns); returns its id. */
  insert(table: SeedTable, values: readonly Value[]): string {
    const wall = this.now - 1000 + Math.floor(this.count / HLC_COUNTER_SPAN);
    const hlc = formatHlc({ wall, counter: this.count % HLC_COUNTER_SPAN, node: this.node });
    const id = uuidv7(this.now, (n) => this.rng.bytes(n));
    this.count++;
    this.rows[table]++;
    this.statements.get(table)!.run(id, hlc, this.node, 0, ...values);
    return id;
  }
}
