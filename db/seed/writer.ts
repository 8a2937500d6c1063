/**
 * Inserts demo rows through prepared statements, stamping the sync columns: a UUIDv7 id (the
 * seed time, a row counter so ids grow in insert order, seeded random bits: the same seed gives
 * the same ids), an HLC timestamp, the node id, deleted = 0.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Random } from '../../maps/random';
import { formatHlc } from '../sync/hlc';
import { travelling, travellingTables, type TravellingName, type TravellingTable } from '../sync/registry';
import { updateDerived, wholeRowInsert, type RowChanges } from '../sync/write';

export type SeedTable = TravellingName;
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
  private readonly statements = new Map<SeedTable, { insert: Database.Statement; width: number }>();
  private count = 0;
  private readonly idPrefix: string;
  readonly rows: Record<SeedTable, number>;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly rng: Random,
    private readonly node: string,
    private readonly now: number,
  ) {
    this.rows = Object.fromEntries(travellingTables.map((t) => [t.name, 0])) as Record<SeedTable, number>;
    for (const { name, columns } of travellingTables) this.statements.set(name, { insert: wholeRowInsert(sqlite, name), width: columns.length });
    const ms = hex(now, 12);
    this.idPrefix = `${ms.slice(0, 8)}-${ms.slice(8)}-7`;
  }

  /** UUIDv7 with a 26-bit counter in rand_a and the top of rand_b (RFC 9562 method 1), then 48 seeded random bits. */
  private nextId(): string {
    const c = this.count;
    const tail = hex(Math.floor(this.rng.next() * 0x1000000), 6) + hex(Math.floor(this.rng.next() * 0x1000000), 6);
    return `${this.idPrefix}${hex((c >>> 14) & 0xfff, 3)}-${hex(0x8000 | (c & 0x3fff), 4)}-${tail}`;
  }

  /** Inserts a row (values in the schema's column order, as `db/sync/registry` lists them, without the sync columns); returns its id. */
  insert(table: SeedTable, values: readonly Value[]): string {
    const { insert, width } = this.statements.get(table)!;
    if (values.length !== width) throw new Error(`演示数据写入 ${table} 时给了 ${values.length} 个值，该表有 ${width} 列（${travelling(table).columns.join('、')}）`);
    const wall = this.now - 1000 + Math.floor(this.count / HLC_COUNTER_SPAN);
    const hlc = formatHlc({ wall, counter: this.count % HLC_COUNTER_SPAN, node: this.node });
    const id = this.nextId();
    this.count++;
    this.rows[table]++;
    insert.run(id, hlc, this.node, 0, ...values);
    return id;
  }

  /** Sets derived columns of a row written earlier (counts known only once its children are written). */
  update<T extends TravellingTable>(table: T, id: string, values: RowChanges<T>): void {
    updateDerived(this.sqlite, table, id, values);
  }
}
