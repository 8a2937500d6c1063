// The Electron-facing half of the shell (security.ts, windows.ts) against a stand-in `electron`
// module: what each hook decides, and what every window is really constructed with. Electronegativity
// cannot check the latter on the bundle (see docs/security.md), so this test does.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(name: string, fn: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Listener) {
      return this.on(name, fn);
    }
    off() {
      return this;
    }
    emit(name: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(name) ?? []) fn(...args);
    }
  }
  let nextId = 1;
  const constructed: BrowserWindowConstructorOptions[] = [];
  class FakeWebContents extends Emitter {
    readonly id = nextId++;
    windowOpenHandler: Listener | null = null;
    setWindowOpenHandler(fn: Listener) {
      this.windowOpenHandler = fn;
    }
  }
  class BrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents();
    constructor(options: BrowserWindowConstructorOptions) {
      super();
      constructed.push(options);
    }
    loadURL() {
      return Promise.resolve();
    }
    isDestroyed() {
      return false;
    }
    show() {}
    showInactive() {}
    destroy() {}
  }
  const display = (id: number, x: number) => ({
    id,
    bounds: { x, y: 0, width: 1920, height: 1080 },
    workArea: { x, y: 0, width: 1920, height: 1040 },
  });
  const screen = Object.assign(new Emitter(), {
    getPrimaryDisplay: () => display(1, 0),
    getAllDisplays: () => [display(1, 0), display(2, 1920)],
  });
  const app = Object.assign(new Emitter(), { enableSandbox: vi.fn() });
  const shell = { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(), showItemInFolder: vi.fn() };
  return { Emitter, FakeWebContents, BrowserWindow, screen, app, shell, constructed };
});

vi.mock('electron', () => ({ app: fake.app, shell: fake.shell, BrowserWindow: fake.BrowserWindow, screen: fake.screen }));

const { guardWebContents, installSecurityBeforeReady, secureSession } = await import('../../../electron/shell/security');
const { BriefingWindow, createMainWindow } = await import('../../../electron/shell/windows');
const { WindowRegistry } = await import('../../../electron/shell/window-registry');
const { withCsp } = await import('../../../electron/shell/response-headers');

/** A navigation event as Electron passes it to will-navigate and friends. */
function navigation(url: string) {
  return { url, isMainFrame: true, preventDefault: vi.fn() };
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('guardWebContents', () => {
  function guarded() {
    const contents = new fake.FakeWebContents();
    guardWebContents(contents as never);
    return contents;
  }

  it('denies every new window and opens nothing in another program', () => {
    const contents = guarded();
    for (const url of ['app://griddesk/index.html', 'https://www.gov.cn/', 'file:///etc/passwd', 'ms-settings:', 'javascript:alert(1)']) {
      expect(contents.windowOpenHandler?.({ url, disposition: 'background-tab' }), url).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('keeps every frame on app://griddesk: navigations and redirects elsewhere are cancelled', () => {
    const contents = guarded();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const ours = navigation('app://griddesk/index.html#/buildings');
      contents.emit(name, ours);
      expect(ours.preventDefault, name).not.toHaveBeenCalled();
      for (const url of ['https://evil.example/', 'http://127.0.0.1:5170/', 'file:///C:/Windows/win.ini', 'app://evil/index.html']) {
        const away = navigation(url);
        contents.emit(name, away);
        expect(away.preventDefault, `${name} ${url}`).toHaveBeenCalled();
      }
    }
    expect(fake.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach any webview', () => {
    const contents = guarded();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('installSecurityBeforeReady', () => {
  it('sandboxes every renderer and guards every webContents Electron creates', () => {
    installSecurityBeforeReady();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    const contents = new fake.FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.listeners.has('will-navigate')).toBe(true);
  });
});

describe('secureSession', () => {
  function secured() {
    const hooks: Record<string, Listener> = {};
    const session = {
      setPermissionRequestHandler: (fn: Listener) => (hooks.request = fn),
      setPermissionCheckHandler: (fn: Listener) => (hooks.check = fn),
      setDevicePermissionHandler: (fn: Listener) => (hooks.device = fn),
      webRequest: {
        onBeforeRequest: (fn: Listener) => (hooks.beforeRequest = fn),
        onHeadersReceived: (fn: Listener) => (hooks.headers = fn),
      },
    };
    secureSession(session as never);
    return hooks as Record<'request' | 'check' | 'device' | 'beforeRequest' | 'headers', Listener>;
  }

  it('grants our pages only the sanitised clipboard write, and nothing to anyone else', () => {
    const hooks = secured();
    const ask = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      hooks.request(null, permission, callback, { requestingUrl });
      return callback.mock.calls[0]?.[0];
    };
    expect(ask('clipboard-sanitized-write', 'app://griddesk/index.html')).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(ask('openExternal', 'app://griddesk/index.html')).toBe(false);
    expect(ask('media', 'app://griddesk/index.html')).toBe(false);
    expect(hooks.check(null, 'geolocation', 'app://griddesk', { requestingUrl: 'app://griddesk/index.html' })).toBe(false);
    expect(hooks.device({ deviceType: 'usb', origin: 'app://griddesk' })).toBe(false);
  });

  it('lets no request leave the app', () => {
    const hooks = secured();
    const decide = (url: string) => {
      const callback = vi.fn();
      hooks.beforeRequest({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('app://griddesk/assets/index.js')).toEqual({ cancel: false });
    expect(decide('https://tile.openstreetmap.org/1/1/1.png')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
  });

  it('puts the desktop CSP on every response, replacing whatever came with it', () => {
    const hooks = secured();
    const callback = vi.fn();
    hooks.headers({ responseHeaders: { 'content-security-policy': ["script-src *"], 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': withCsp(undefined)['Content-Security-Policy'] } });
  });
});

describe('the windows GridDesk creates', () => {
  const lockedDown = {
    preload: '/app/dist/electron/preload.cjs',
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    devTools: false,
  };

  it('are constructed with the locked-down preferences, and registered with their role', () => {
    fake.constructed.length = 0;
    const registry = new WindowRegistry();
    const preferences = { preloadPath: '/app/dist/electron/preload.cjs' };
    const main = createMainWindow(registry, preferences);
    new BriefingWindow(registry, preferences, { dir: mkdtempSync(join(tmpdir(), 'griddesk-placement-')) }).ensure();

    expect(fake.constructed).toHaveLength(2);
    for (const options of fake.constructed) {
      expect(options.webPreferences).toMatchObject(lockedDown);
      expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
      expect(options.webPreferences).not.toHaveProperty('additionalArguments');
    }
    expect(registry.roleOf(main.webContents.id)).toBe('main');
    expect(registry.ids()).toHaveLength(2);
    expect(registry.ids().map((id) => registry.roleOf(id))).toEqual(['main', 'briefing']);
  });

  it('are made nowhere else in the desktop code: no other BrowserWindow, view or webview', () => {
    const electronDir = fileURLToPath(new URL('../../../electron/', import.meta.url));
    const sites: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name)) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/new\s+(BrowserWindow|BrowserView|WebContentsView|BaseWindow)\b|webContents\.create\(|<webview/.test(line)) {
                sites.push(`${relative(electronDir, path)}:${i + 1}`);
              }
            });
        }
      }
    };
    walk(electronDir);
    expect(sites.map((s) => s.split(':')[0])).toEqual([join('shell', 'windows.ts'), join('shell', 'windows.ts')]);
  });
});
