import type { GridDeskApi } from '../electron/api';
import type { GridDeskMapTestHook } from './features/map/test-hook';

declare global {
  interface Window {
    /** Exposed by the Electron preload; installed by `api/browser-transport` in browser mode. */
    api?: GridDeskApi;
    /** Test hook of the map page (Playwright cannot see canvas-drawn buildings). */
    __gridDeskMap?: GridDeskMapTestHook;
  }
}

export {};
