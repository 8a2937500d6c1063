import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { readKeyring, unwrapSlot } from '../../../db/auth/keyring';
import { applyKey } from '../../../db/client/cipher';
import { E2E_PASSWORD } from './paths';
import type { TestServer } from './server';

const keys = new Map<string, Buffer>();

/**
 * Reads the test server's SQLite file read-only, also while the server holds it (the truth the
 * UI is checked against); the key comes from the admin's key slot.
 */
export function readDb<T>(server: TestServer, read: (db: Database.Database) => T): T {
  let key = keys.get(server.dataDir);
  if (!key) {
    const slot = readKeyring(server.dataDir)?.slots.find((s) => s.kind === 'account' && s.username === 'admin');
    key = (slot ? unwrapSlot(slot, E2E_PASSWORD) : null) ?? undefined;
    if (!key) throw new Error('cannot unwrap the database key');
    keys.set(server.dataDir, key);
  }
  const db = new Database(join(server.dataDir, 'griddesk.db'), { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key);
    return read(db);
  } finally {
    db.close();
  }
}

/**
 * Takes the database's write lock from another connection, as a long write elsewhere would, until
 * the returned function is called: a job that writes then waits at its first write.
 */
export function holdWriteLock(server: TestServer): () => void {
  readDb(server, () => undefined);
  const db = new Database(join(server.dataDir, 'griddesk.db'), { fileMustExist: true });
  applyKey(db, keys.get(server.dataDir)!);
  db.pragma('busy_timeout = 5000');
  db.exec('BEGIN IMMEDIATE');
  return () => {
    db.exec('ROLLBACK');
    db.close();
  };
}

/** Changes the test server's SQLite file from another connection (to make a situation the demo lacks). */
export function writeDb<T>(server: TestServer, write: (db: Database.Database) => T): T {
  readDb(server, () => undefined);
  const db = new Database(join(server.dataDir, 'griddesk.db'), { fileMustExist: true });
  try {
    applyKey(db, keys.get(server.dataDir)!);
    db.pragma('busy_timeout = 5000');
    return write(db);
  } finally {
    db.close();
  }
}
