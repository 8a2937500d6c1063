import type Database from 'better-sqlite3-multiple-ciphers';
import { Vault } from '../../../db/auth/vault';
import { E2E_PASSWORD } from './paths';
import type { TestServer } from './server';

/** Reads the test server's SQLite file (the truth the UI is checked against), opened with the admin's password. */
export function readDb<T>(server: TestServer, read: (db: Database.Database) => T): T {
  const vault = new Vault(server.dataDir);
  vault.login('admin', E2E_PASSWORD);
  try {
    return read(vault.requireOpen().opened.sqlite);
  } finally {
    vault.close();
  }
}
