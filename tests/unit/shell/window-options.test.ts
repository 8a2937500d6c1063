import { describe, expect, it } from 'vitest';
import type { WebPreferences } from 'electron';
import { briefingWindowOptions, mainWindowOptions, WINDOW_TITLE } from '../../../electron/shell/window-options';

const display = {
  bounds: { x: 1920, y: 0, width: 3840, height: 2160 },
  workArea: { x: 1920, y: 0, width: 3840, height: 2100 },
};
const small = {
  bounds: { x: 0, y: 0, width: 1280, height: 720 },
  workArea: { x: 0, y: 0, width: 1280, height: 680 },
};

function expectLockedDown(prefs: WebPreferences | undefined, preloadPath: string): void {
  expect(prefs).toBeDefined();
  expect(prefs).toMatchObject({
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: false,
  });
  // Nothing that would widen the renderer's powers.
  expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  expect(prefs).not.toHaveProperty('additionalArguments');
  expect(prefs).not.toHaveProperty('partition');
}

describe('mainWindowOptions', () => {
  const options = mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs' });

  it('locks the renderer down', () => {
    expectLockedDown(options.webPreferences, '/app/dist/electron/preload.cjs');
  });

  it('stays hidden until ready-to-show, with the title and a background colour', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('GridDesk 网格指挥台');
    expect(options.title).toBe(WINDOW_TITLE);
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it('has a sensible size and minimum', () => {
    expect(options.width).toBe(1440);
    expect(options.height).toBe(900);
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.center).toBe(true);
  });

  it('fits and centres on the given display', () => {
    const placed = mainWindowOptions({ preloadPath: '/p', display });
    expect(placed).toMatchObject({ width: 1440, height: 900, x: 1920 + (3840 - 1440) / 2, y: (2100 - 900) / 2 });
    const shrunk = mainWindowOptions({ preloadPath: '/p', display: small });
    expect(shrunk.width).toBeLessThanOrEqual(1280);
    expect(shrunk.height).toBeLessThanOrEqual(680);
    expect(shrunk.x).toBeGreaterThanOrEqual(0);
    expect(shrunk.y).toBeGreaterThanOrEqual(0);
  });

  it('turns DevTools on only when asked (development)', () => {
    expect(mainWindowOptions({ preloadPath: '/p', devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('briefingWindowOptions', () => {
  const options = briefingWindowOptions(display, { preloadPath: '/p/preload.cjs' });

  it('has the same locked-down renderer', () => {
    expectLockedDown(options.webPreferences, '/p/preload.cjs');
  });

  it('covers the second display full screen, frameless, in kiosk mode', () => {
    expect(options).toMatchObject({ x: 1920, y: 0, width: 3840, height: 2160, kiosk: true, fullscreen: true, frame: false, show: false });
    expect(options.title).toContain('GridDesk 网格指挥台');
  });

  it('keeps drawing while unfocused', () => {
    expect(options.webPreferences?.backgroundThrottling).toBe(false);
  });
});
