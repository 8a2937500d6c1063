import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface StartScript {
  findElectronBinary(options: {
    electronDir: string | null;
    env?: Record<string, string | undefined>;
    platform?: string;
    readText?: (file: string) => string | null;
    isRunnable?: (file: string) => boolean;
  }): string | null;
  browserModeArgs(args: readonly string[]): string[];
}

// Importing the script does not run it (it only runs when started as `node scripts/start.mjs`).
const script = (await import(new URL('../../../scripts/start.mjs', import.meta.url).href)) as StartScript;

const dir = join('/', 'repo', 'node_modules', 'electron');
const files = (map: Record<string, string>) => (file: string) => map[file] ?? null;

describe('findElectronBinary', () => {
  it('is null when the package or its binary is missing (never downloads)', () => {
    expect(script.findElectronBinary({ electronDir: null })).toBeNull();
    expect(script.findElectronBinary({ electronDir: dir, env: {}, readText: files({}), isRunnable: () => true })).toBeNull();
    const withPath = files({ [join(dir, 'path.txt')]: 'electron' });
    expect(script.findElectronBinary({ electronDir: dir, env: {}, readText: withPath, isRunnable: () => false })).toBeNull();
  });

  it('finds the installed binary', () => {
    const withPath = files({ [join(dir, 'path.txt')]: 'electron\n' });
    const runnable = (f: string) => f === join(dir, 'dist', 'electron');
    expect(script.findElectronBinary({ electronDir: dir, env: {}, readText: withPath, isRunnable: runnable })).toBe(join(dir, 'dist', 'electron'));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const found = script.findElectronBinary({
      electronDir: dir,
      env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' },
      platform: 'linux',
      readText: files({}),
      isRunnable: () => true,
    });
    expect(found).toBe(join('/opt/electron', 'electron'));
  });
});

describe('browserModeArgs', () => {
  it('passes the arguments through, minus desktop-only flags', () => {
    expect(script.browserModeArgs(['--port', '0', '--data-dir', '/d', '--no-briefing', '--no-seed'])).toEqual(['--port', '0', '--data-dir', '/d', '--no-seed']);
  });

  it('drops the briefing window’s screen with its value, keeping the wall address', () => {
    expect(script.browserModeArgs(['--briefing-display', '2', '--wall', '0.0.0.0:5171', '--briefing-display=3'])).toEqual(['--wall', '0.0.0.0:5171']);
  });
});
