import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBriefingDisplay, parsePlacement, pickBriefingDisplay } from '../../../electron/shell/displays';
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

describe('chooseBriefingDisplay: where the briefing window opens', () => {
  const d = (id: number, x: number, width = 1920, height = 1080) => ({ id, bounds: { x, y: 0, width, height }, workArea: { x, y: 0, width, height: height - 40 } });
  const laptop = d(1, 0, 1920, 1200);
  const tv = d(7, 1920, 3840, 2160);
  const side = d(9, 5760, 1920, 1080);

  it('takes the second screen by default, none with one screen', () => {
    expect(chooseBriefingDisplay([laptop, tv, side], 1)).toBe(tv);
    expect(chooseBriefingDisplay([laptop], 1)).toBeUndefined();
  });

  it('puts the screen chosen at launch first, then the one it was on last', () => {
    expect(chooseBriefingDisplay([laptop, tv, side], 1, { chosen: 3 })).toBe(side);
    expect(chooseBriefingDisplay([laptop, tv, side], 1, { chosen: 1 })).toBe(laptop);
    expect(chooseBriefingDisplay([laptop, tv, side], 1, { remembered: { displayId: 9, bounds: side.bounds } })).toBe(side);
    // A screen no longer there falls back to the default.
    expect(chooseBriefingDisplay([laptop, tv], 1, { chosen: 3, remembered: { displayId: 9, bounds: side.bounds } })).toBe(tv);
  });

  it('finds the remembered screen by its bounds when its id changed after a restart', () => {
    const renumbered = { ...side, id: 42 };
    expect(chooseBriefingDisplay([laptop, tv, renumbered], 1, { remembered: { displayId: 9, bounds: side.bounds } })).toBe(renumbered);
  });

  it('reads back only a well-formed remembered placement', () => {
    const placement = { displayId: 9, bounds: side.bounds };
    expect(parsePlacement(JSON.stringify(placement))).toEqual(placement);
    for (const bad of [null, '', '{', '{"displayId":"9"}', '{"displayId":9,"bounds":{"x":0}}']) expect(parsePlacement(bad)).toBeNull();
  });

  it('reads --briefing-display in both forms', () => {
    expect(parseLaunchArgs(['--briefing-display', '2']).briefingDisplay).toBe(2);
    expect(parseLaunchArgs(['--briefing-display=3']).briefingDisplay).toBe(3);
    expect(parseLaunchArgs(['--briefing-display=0']).briefingDisplay).toBeUndefined();
  });
});
