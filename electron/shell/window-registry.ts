/** What a window of ours is for; the briefing wall display may only read. */
export type WindowRole = 'main' | 'briefing';

/**
 * The webContents ids of the windows GridDesk created, with their role. IPC calls are answered
 * only for these; a webContents Electron made for anything else (a DevTools window, a popup that
 * slipped through) is not in here.
 */
export class WindowRegistry {
  private readonly roles = new Map<number, WindowRole>();

  add(webContentsId: number, role: WindowRole): void {
    this.roles.set(webContentsId, role);
  }

  delete(webContentsId: number): void {
    this.roles.delete(webContentsId);
  }

  has(webContentsId: number): boolean {
    return this.roles.has(webContentsId);
  }

  roleOf(webContentsId: number): WindowRole | undefined {
    return this.roles.get(webContentsId);
  }

  ids(): number[] {
    return [...this.roles.keys()];
  }
}
