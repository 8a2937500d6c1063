import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

const ROOT = join(import.meta.dirname, '../../..');
/** Debian's Node 20: older than the one the project brings. */
const OLD_NODE = '/usr/bin/node';

function runOld(script: string, args: string[]) {
  return spawnSync(OLD_NODE, [join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

function expectRefusal(r: ReturnType<typeof runOld>): void {
  expect(r.status).toBe(1);
  expect(r.signal).toBeNull();
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^GridDesk 需要 Node 24\.21\.0 或更新版本（当前是 v20\./);
  expect(lines[0]).toContain('npm start');
  expect(lines[0]).toContain('npx griddesk');
  expect(r.stdout).toBe('');
}

describe('an older Node is refused in one line, not with a segmentation fault', () => {
  beforeAll(() => {
    expect(spawnSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v20\./);
    const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-node.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
  }, 120_000);

  it('the command line, before it builds or opens anything', () => {
    const dataDir = join(tempDir(), 'data');
    expectRefusal(runOld('bin/griddesk.mjs', ['seed', '--preset', 'small', '--data-dir', dataDir]));
    expect(existsSync(dataDir)).toBe(false);
  });

  it('the browser-mode server and the built command line', () => {
    const dataDir = join(tempDir(), 'data');
    expectRefusal(runOld('dist/node/server.mjs', ['--data-dir', dataDir, '--port', '0']));
    expectRefusal(runOld('dist/node/cli.mjs', ['seed', '--preset', 'small', '--data-dir', dataDir]));
    expect(existsSync(dataDir)).toBe(false);
  });

  it('lets the Node the project brings through', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/node/cli.mjs'), 'help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法：griddesk');
  });
});
