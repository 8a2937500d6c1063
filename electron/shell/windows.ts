import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen, type Display } from 'electron';
import { BRIEFING_URL, MAIN_URL } from './app-url';
import { chooseBriefingDisplay, parsePlacement, PLACEMENT_FILE, type RememberedPlacement } from './displays';
import { briefingWindowOptions, mainWindowOptions, type SecurePreferencesOptions } from './window-options';
import type { WindowRegistry, WindowRole } from './window-registry';

function track(win: BrowserWindow, role: WindowRole, registry: WindowRegistry): void {
  const id = win.webContents.id;
  registry.add(id, role);
  win.webContents.once('destroyed', () => registry.delete(id));
}

/** The operator's window, on the primary display; shown once its first paint is ready. */
export function createMainWindow(registry: WindowRegistry, preferences: SecurePreferencesOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions({ ...preferences, display: screen.getPrimaryDisplay() }));
  track(win, 'main', registry);
  win.once('ready-to-show', () => win.show());
  return win;
}

export function loadMainWindow(win: BrowserWindow): void {
  win.loadURL(MAIN_URL).catch((err: unknown) => console.error('[window] main window failed to load:', err));
}

/**
 * The leaders' wall display: full screen on a second monitor, shown without taking the focus
 * from the operator's window. Opened when a second display is present at start or plugged in
 * later; closed when its display goes away.
 */
export class BriefingWindow {
  private win: BrowserWindow | null = null;
  private displayId: number | null = null;

  constructor(
    private readonly registry: WindowRegistry,
    private readonly preferences: SecurePreferencesOptions,
    /** Where the last placement is kept (the data directory), and the screen chosen at launch. */
    private readonly placement: { dir: string; chosen?: number | undefined },
  ) {}

  private remembered(): RememberedPlacement | null {
    try {
      return parsePlacement(readFileSync(join(this.placement.dir, PLACEMENT_FILE), 'utf8'));
    } catch {
      return null;
    }
  }

  private remember(display: Display): void {
    const placement: RememberedPlacement = { displayId: display.id, bounds: display.bounds };
    try {
      writeFileSync(join(this.placement.dir, PLACEMENT_FILE), JSON.stringify(placement), { mode: 0o600 });
    } catch (err) {
      console.warn('[window] could not remember the briefing display:', err);
    }
  }

  /** Opens the window on its display (chosen, remembered, or the second screen) if it is not open yet. */
  ensure(): void {
    if (this.win && !this.win.isDestroyed()) return;
    const display = chooseBriefingDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id, { chosen: this.placement.chosen, remembered: this.remembered() });
    if (display) this.open(display);
  }

  private open(display: Display): void {
    const win = new BrowserWindow(briefingWindowOptions(display, this.preferences));
    track(win, 'briefing', this.registry);
    this.win = win;
    this.displayId = display.id;
    this.remember(display);
    // Moved to another screen (the OS's keyboard shortcut): opened there after a restart.
    win.on('moved', () => {
      const now = screen.getDisplayMatching(win.getBounds());
      if (now.id === this.displayId) return;
      this.displayId = now.id;
      this.remember(now);
    });
    win.once('ready-to-show', () => win.showInactive());
    win.on('closed', () => {
      if (this.win === win) {
        this.win = null;
        this.displayId = null;
      }
    });
    win.loadURL(BRIEFING_URL).catch((err: unknown) => console.error('[window] briefing window failed to load:', err));
  }

  /** Follows the screens: open on a new one, close when ours is unplugged. */
  watchDisplays(): () => void {
    const added = () => this.ensure();
    const removed = (_event: unknown, display: Display) => {
      if (display.id === this.displayId) this.close();
      this.ensure();
    };
    screen.on('display-added', added);
    screen.on('display-removed', removed);
    return () => {
      screen.off('display-added', added);
      screen.off('display-removed', removed);
    };
  }

  close(): void {
    if (this.win && !this.win.isDestroyed()) this.win.destroy();
    this.win = null;
    this.displayId = null;
  }
}
