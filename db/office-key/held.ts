import { resolve } from 'node:path';
import type { OfficeKey } from './key';

/**
 * The office keys this thread holds, by data folder: put here by the vault once an
 * administrator or data officer signed in (or a recovery), removed when it closes. Backups and
 * `audit verify` look here; a job thread holds none.
 */
const held = new Map<string, OfficeKey>();

export function holdOfficeKey(dataDir: string, key: OfficeKey | null): void {
  if (key) held.set(resolve(dataDir), key);
  else held.delete(resolve(dataDir));
}

export function heldOfficeKey(dataDir: string): OfficeKey | null {
  return held.get(resolve(dataDir)) ?? null;
}
