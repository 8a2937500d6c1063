import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * A lookup of residents by the last four digits of their phone, so that a search by them does
 * not read all of `residents` (hundreds of milliseconds on the large street). It lives in this
 * connection's temp schema (memory, never in the file, never travels) and holds only the four
 * digits and the resident's id. Temp triggers on `main.residents` keep it current with this
 * connection's writes; a commit by another connection (a job thread) changes `data_version`,
 * and the lookup is filled again on the next search.
 */
const SCHEMA = `
  CREATE TEMP TABLE IF NOT EXISTS resident_phone_tails (resident_id TEXT PRIMARY KEY, tail TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS temp.resident_phone_tails_tail_idx ON resident_phone_tails (tail);
  CREATE TEMP TRIGGER IF NOT EXISTS resident_phone_tails_insert AFTER INSERT ON main.residents WHEN NEW.phone IS NOT NULL
  BEGIN INSERT OR REPLACE INTO resident_phone_tails (resident_id, tail) VALUES (NEW.id, substr(NEW.phone, -4)); END;
  CREATE TEMP TRIGGER IF NOT EXISTS resident_phone_tails_update AFTER UPDATE OF phone ON main.residents
  BEGIN
    DELETE FROM resident_phone_tails WHERE resident_id = OLD.id;
    INSERT INTO resident_phone_tails (resident_id, tail) SELECT NEW.id, substr(NEW.phone, -4) WHERE NEW.phone IS NOT NULL;
  END;
  CREATE TEMP TRIGGER IF NOT EXISTS resident_phone_tails_delete AFTER DELETE ON main.residents
  BEGIN DELETE FROM resident_phone_tails WHERE resident_id = OLD.id; END;`;

const FILL = `INSERT INTO resident_phone_tails (resident_id, tail) SELECT id, substr(phone, -4) FROM main.residents WHERE phone IS NOT NULL`;

/** The `data_version` each connection's lookup was filled at. */
const filledAt = new WeakMap<Database.Database, number>();

export function ensurePhoneTails(sqlite: Database.Database): void {
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  if (filledAt.get(sqlite) === version) return;
  sqlite.transaction(() => {
    sqlite.exec(SCHEMA);
    sqlite.exec('DELETE FROM resident_phone_tails');
    sqlite.exec(FILL);
  })();
  filledAt.set(sqlite, version);
}
