import type { ContextBridge, IpcRenderer, IpcRendererEvent, WebUtils } from 'electron';
import type { ApiResponse, GridDeskApi } from '../api';
import { FILES_CHANNEL, PUSH_CHANNEL, RPC_CHANNEL } from './channels';
import { PushListeners } from './push-listeners';

/** The part of `ipcRenderer` the preload uses. */
export type PreloadIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

const TRANSPORT_FAILED: ApiResponse<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: '与 GridDesk 主进程的连接出错，操作未完成。请重试；若反复出现，请重启 GridDesk' },
};

/**
 * `window.api` over Electron IPC: `invoke` goes out on the one RPC channel, push events come in
 * on the one push channel. Neither `ipcRenderer` nor the IPC event object ever reaches the page;
 * a listener receives only the payload.
 */
export function createPreloadApi(ipc: PreloadIpc, web: Pick<WebUtils, 'getPathForFile'>): GridDeskApi {
  const listeners = new PushListeners();
  const onPush = (_event: IpcRendererEvent, name: unknown, payload: unknown) => listeners.emit(name, payload);
  let attached = false;

  const files = (...args: unknown[]) => (ipc.invoke(FILES_CHANNEL, ...args) as Promise<ApiResponse<never>>).catch(() => TRANSPORT_FAILED);
  return {
    invoke(method, input, options) {
      const args = options?.requestId === undefined ? [method, input] : [method, input, options.requestId];
      return (ipc.invoke(RPC_CHANNEL, ...args) as Promise<ApiResponse<never>>).catch(() => TRANSPORT_FAILED);
    },
    files: {
      // The path of a file the user picked is known to the preload only; the page never sees it.
      upload: (file) => files('upload', web.getPathForFile(file)),
      save: (fileId, name) => files('save', fileId, name),
    },
    subscribe(event, listener) {
      const off = listeners.add(event, listener as (payload: unknown) => void);
      if (!attached) {
        ipc.on(PUSH_CHANNEL, onPush);
        attached = true;
      }
      return () => {
        off();
        if (attached && listeners.size === 0) {
          ipc.removeListener(PUSH_CHANNEL, onPush);
          attached = false;
        }
      };
    },
  };
}

/** Exposes `window.api` and nothing else. */
export function exposeApi(bridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipc: PreloadIpc, web: Pick<WebUtils, 'getPathForFile'>): void {
  bridge.exposeInMainWorld('api', createPreloadApi(ipc, web));
}
