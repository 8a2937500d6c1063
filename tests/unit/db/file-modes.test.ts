import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GridRuntime } from '../../../electron/rpc/runtime';
import { FAST_KDF, makeRuntime, PASSWORD, signIn } from '../helpers/runtime';
import { tempDir } from '../helpers/tmp';
import { testWorker } from '../helpers/worker-bundle';

/** Every file and folder under `dir` (itself included) with its permission bits, as `path 0600`. */
function modes(dir: string): string[] {
  const out = [`. ${(statSync(dir).mode & 0o777).toString(8)}`];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      out.push(`${relative(dir, path)} ${(statSync(path).mode & 0o777).toString(8)}`);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return out.sort();
}

const isPrivate = (line: string) => /\s(600|700)$/.test(line);

// What most systems give a process that does not set its own: files 0644, folders 0755.
let previous: number;
beforeAll(() => {
  previous = process.umask(0o022);
});
afterAll(() => {
  process.umask(previous);
});

describe('the data directory is readable by its owner only', () => {
  it('creates the folder 0700 and the database, its WAL, keys, jobs, lock and backups 0600', async () => {
    const dataDir = join(tempDir(), 'GridDesk');
    const runtime = new GridRuntime(dataDir, { kdf: FAST_KDF, worker: testWorker });
    runtime.vault.setup({ username: 'admin', displayName: '管理员', password: PASSWORD });
    const admin = await signIn(runtime, 'admin');
    await admin.callJob('backups.create');
    expect(await signIn(runtime, 'admin', 'wrong-password-1').catch((err: Error) => err.message)).toMatch(/sign-in of admin failed/);
    const live = modes(dataDir);
    runtime.close();

    const names = live.map((l) => l.split(' ')[0]);
    expect(names).toEqual(expect.arrayContaining(['griddesk.db', 'griddesk.db-wal', 'griddesk.db-shm', 'keyring.json', 'lockout.json', 'jobs.json', 'griddesk.lock', 'backups']));
    expect(live.filter((l) => !isPrivate(l))).toEqual([]);
    expect(modes(dataDir).filter((l) => !isPrivate(l))).toEqual([]);
  });

  it('narrows an existing installation at the next start, files under subfolders included', async () => {
    const { runtime: first, dataDir } = makeRuntime();
    first.close();
    mkdirSync(join(dataDir, 'files'), { recursive: true });
    writeFileSync(join(dataDir, 'files', 'upload.xlsx'), 'x');
    writeFileSync(join(dataDir, 'griddesk.db-wal'), '');
    const widen = (dir: string) => {
      chmodSync(dir, 0o755);
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) widen(join(dir, entry.name));
        else chmodSync(join(dir, entry.name), 0o644);
      }
    };
    widen(dataDir);
    expect(modes(dataDir).filter(isPrivate)).toEqual([]);

    const runtime = new GridRuntime(dataDir, { kdf: FAST_KDF, worker: testWorker });
    expect(modes(dataDir).filter((l) => !isPrivate(l))).toEqual([]);
    runtime.vault.login('admin', PASSWORD);
    expect(modes(dataDir).filter((l) => !isPrivate(l))).toEqual([]);
    runtime.close();
  });

  it('each program narrows its umask at start, so what it writes later is private too', () => {
    const script = `import { keepNewFilesPrivate } from ${JSON.stringify(join(process.cwd(), 'electron/data-dir.ts'))};
      import { writeFileSync, mkdirSync } from 'node:fs';
      process.umask(0o022);
      keepNewFilesPrivate();
      mkdirSync(process.argv[1] + '/sub');
      writeFileSync(process.argv[1] + '/sub/demo.json', '{}');`;
    const dir = tempDir();
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, dir], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(modes(dir).filter((l) => !isPrivate(l))).toEqual([]);
  });
});
