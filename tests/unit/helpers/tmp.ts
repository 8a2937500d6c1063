import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

/** A fresh temp folder, removed when the test file is done. */
export function tempDir(prefix = 'griddesk-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

// A job thread a closed runtime cancelled may still be finishing a file as the folder goes: retry.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

export function sha256File(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The file and its WAL/SHM companions, as they are on disk: proves "untouched". */
export function fileState(file: string): string {
  return [file, `${file}-wal`, `${file}-shm`].map((f) => (existsSync(f) ? sha256File(f) : '-')).join('|');
}
