import { ipcMain, webContents } from 'electron';
import { PUSH_CHANNEL, RPC_CHANNEL } from '../api';
import { handleRpc, type RpcBinding } from './rpc-call';
import type { WindowRegistry } from './window-registry';

/** Binds the one RPC channel. Returns the unbinding. */
export function bindRpc(binding: RpcBinding): () => void {
  ipcMain.handle(RPC_CHANNEL, (event, method: unknown, input: unknown) => handleRpc(binding, event, method, input));
  return () => ipcMain.removeHandler(RPC_CHANNEL);
}

/** Forwards the services' push events to every live window of ours. Returns the unbinding. */
export function bindPush(source: { onEvent(listener: (event: string, payload: unknown) => void): () => void }, windows: WindowRegistry): () => void {
  return source.onEvent((event, payload) => {
    for (const id of windows.ids()) {
      const contents = webContents.fromId(id);
      if (contents && !contents.isDestroyed()) contents.send(PUSH_CHANNEL, event, payload);
    }
  });
}
