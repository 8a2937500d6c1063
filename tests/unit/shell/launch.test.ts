import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickBriefingDisplay } from '../../../electron/shell/displays';
import { parseLaunchArgs, resolveDataDir } from '../../../electron/shell/launch-args';
import { shellPaths } from '../../../electron/shell/shell-paths';

describe('parseLaunchArgs', () => {
  it('reads the data dir in both spellings and the switches', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--data-dir', '/d'])).toEqual({ dataDir: '/d', seed: true, briefing: true });
    expect(parseLaunchArgs(['GridDesk.exe', '--data-dir=D:\\数据'])).toMatchObject({ dataDir: 'D:\\数据' });
    expect(parseLaunchArgs(['x', '--no-seed', '--no-briefing'])).toEqual({ seed: false, briefing: false });
  });

  it('ignores Chromium switches and a dangling --data-dir', () => {
    expect(parseLaunchArgs(['x', '--enable-logging', '--data-dir', '--no-seed'])).toEqual({ seed: false, briefing: true });
    expect(parseLaunchArgs(['x', '--data-dir='])).toEqual({ seed: true, briefing: true });
  });
});

describe('resolveDataDir', () => {
  it('prefers --data-dir, then GRIDDESK_DATA_DIR, then userData', () => {
    expect(resolveDataDir({ dataDir: '/arg', seed: true, briefing: true }, { GRIDDESK_DATA_DIR: '/env' }, '/user')).toBe('/arg');
    expect(resolveDataDir({ seed: true, briefing: true }, { GRIDDESK_DATA_DIR: '/env' }, '/user')).toBe('/env');
    expect(resolveDataDir({ seed: true, briefing: true }, { GRIDDESK_DATA_DIR: '' }, '/user')).toBe('/user');
    expect(resolveDataDir({ seed: true, briefing: true }, {}, '/user')).toBe('/user');
  });
});

describe('shellPaths', () => {
  it('finds the renderer, preload, seed worker and app root from dist/electron', () => {
    const root = join('/', 'opt', 'GridDesk', 'resources', 'app.asar');
    expect(shellPaths(join(root, 'dist', 'electron'))).toEqual({
      appRoot: root,
      rendererDir: join(root, 'dist', 'renderer'),
      preload: join(root, 'dist', 'electron', 'preload.cjs'),
      seedWorker: join(root, 'dist', 'node', 'seed-worker.mjs'),
      serviceWorker: join(root, 'dist', 'node', 'worker.mjs'),
    });
  });
});

describe('pickBriefingDisplay', () => {
  const rect = (x: number, width: number, height: number) => ({ x, y: 0, width, height });
  const d = (id: number, x: number, width: number, height: number) => ({ id, bounds: rect(x, width, height), workArea: rect(x, width, height) });

  it('needs a second display', () => {
    expect(pickBriefingDisplay([d(1, 0, 1920, 1080)], 1)).toBeUndefined();
    expect(pickBriefingDisplay([], 1)).toBeUndefined();
  });

  it('takes the largest display that is not the primary', () => {
    const wall = d(3, 3840, 3840, 2160);
    expect(pickBriefingDisplay([d(1, 0, 1920, 1080), d(2, 1920, 1920, 1080), wall], 1)).toBe(wall);
    expect(pickBriefingDisplay([wall, d(1, 0, 1920, 1080)], 3)?.id).toBe(1);
  });
});
