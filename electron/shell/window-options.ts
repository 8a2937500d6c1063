import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

export const WINDOW_TITLE = 'GridDesk 网格指挥台';
/** Ant Design's page background: what shows before the first paint, so no white flash. */
export const MAIN_BACKGROUND = '#f5f5f5';
/** The wall display's dark background. */
export const BRIEFING_BACKGROUND = '#0b1220';

const PREFERRED = { width: 1440, height: 900 };
const MINIMUM = { width: 1024, height: 680 };

/** The part of a display a window may use; Electron's `Display` satisfies it. */
export interface DisplayArea {
  bounds: Rectangle;
  workArea: Rectangle;
}

export interface SecurePreferencesOptions {
  preloadPath: string;
  /** DevTools: on in development only. */
  devTools?: boolean;
}

/**
 * The web preferences of every GridDesk window: a sandboxed, context-isolated renderer with no
 * Node.js anywhere (workers and subframes included), web security on, and nothing that could
 * load code from elsewhere (webviews, experimental features, drag-and-drop navigation).
 */
export function secureWebPreferences({ preloadPath, devTools = false }: SecurePreferencesOptions): WebPreferences {
  return {
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
    enableWebSQL: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools,
  };
}

/** The window's size: the preferred size, shrunk to fit the display's work area, centred on it. */
function placement(display: DisplayArea | undefined): Pick<BrowserWindowConstructorOptions, 'x' | 'y' | 'width' | 'height' | 'center'> {
  if (!display) return { ...PREFERRED, center: true };
  const area = display.workArea;
  const width = Math.max(Math.min(PREFERRED.width, area.width), Math.min(MINIMUM.width, area.width));
  const height = Math.max(Math.min(PREFERRED.height, area.height), Math.min(MINIMUM.height, area.height));
  return {
    width,
    height,
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
  };
}

export interface MainWindowInput extends SecurePreferencesOptions {
  /** The display to open on (the primary one); without it the window is centred by the OS. */
  display?: DisplayArea;
}

/** The operator's window. Hidden until `ready-to-show`, so it never paints half a page. */
export function mainWindowOptions({ preloadPath, display, devTools = false }: MainWindowInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    ...placement(display),
    minWidth: MINIMUM.width,
    minHeight: MINIMUM.height,
    backgroundColor: MAIN_BACKGROUND,
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences({ preloadPath, devTools }),
  };
}

/**
 * The leaders' wall display on a second monitor: full screen (kiosk) on that display's bounds,
 * frameless, the same locked-down renderer. It keeps drawing while unfocused (no background
 * throttling), because nobody ever clicks on it.
 */
export function briefingWindowOptions(display: DisplayArea, preferences: SecurePreferencesOptions): BrowserWindowConstructorOptions {
  const { x, y, width, height } = display.bounds;
  return {
    title: `${WINDOW_TITLE} · 领导简报`,
    x,
    y,
    width,
    height,
    frame: false,
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: BRIEFING_BACKGROUND,
    show: false,
    webPreferences: { ...secureWebPreferences(preferences), backgroundThrottling: false },
  };
}
