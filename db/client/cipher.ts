import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Encryption at rest, parameters pinned so that a future library default cannot change the
 * file format: SQLCipher 4 (AES-256-CBC, HMAC-SHA512, 4096-byte pages). The key is 32 random
 * bytes given as a raw key, so no passphrase KDF runs on open (passwords are stretched once,
 * when a key slot is unwrapped).
 */
export function applyKey(sqlite: Database.Database, key: Buffer): void {
  if (key.length !== 32) throw new Error('数据库密钥必须是 32 字节');
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${key.toString('hex')}'"`);
}
