// The sandboxed preload: exposes `window.api` (the typed contract over IPC) and nothing else.
// Bundled to CommonJS; at run time it requires only 'electron'.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { exposeApi } from './shell/preload-api';

exposeApi(contextBridge, ipcRenderer, webUtils);
