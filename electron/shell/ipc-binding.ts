import { BrowserWindow, dialog, ipcMain, webContents } from 'electron';
import { FILES_CHANNEL, PUSH_CHANNEL, RPC_CHANNEL } from '../api';
import { saveStoredFile, storePickedFile } from './file-handover';
import { handleRpc, senderInfo, type RpcBinding } from './rpc-call';
import { FORBIDDEN_SENDER, validateSender } from './sender-policy';
import type { ServiceBackend } from '../host/backend';
import { eventFor, SESSION_ENDED, viewerOf } from '../host/audience';
import type { WindowRegistry } from './window-registry';

/** Binds the one RPC channel. Returns the unbinding. */
export function bindRpc(binding: RpcBinding): () => void {
  ipcMain.handle(RPC_CHANNEL, (event, method: unknown, input: unknown, requestId: unknown) => handleRpc(binding, event, method, input, requestId));
  return () => ipcMain.removeHandler(RPC_CHANNEL);
}

/** Forwards the services' push events to every live window of ours that may receive them. Returns the unbinding. */
export function bindPush(source: Pick<ServiceBackend, 'onEvent' | 'session'>, windows: WindowRegistry): () => void {
  return source.onEvent((event, payload) => {
    if (event === SESSION_ENDED) return;
    for (const id of windows.ids()) {
      // Only to signed-in windows, as the account is now (a job's progress to its owner, a grid worker's own grids).
      void source.session(`window-${id}`).then((s) => {
        const shown = eventFor(event, payload, viewerOf(s));
        const contents = webContents.fromId(id);
        if (shown !== null && contents && !contents.isDestroyed()) contents.send(PUSH_CHANNEL, event, shown);
      });
    }
  });
}

/** Binds the file hand-over channel: a picked file into the store, a stored file to a chosen place. */
export function bindFiles(binding: RpcBinding & { dataDir: string; maxUploadBytes: number }): () => void {
  ipcMain.handle(FILES_CHANNEL, async (event, op: unknown, arg: unknown, name: unknown) => {
    if (!validateSender(senderInfo(event), binding.windows).ok) return FORBIDDEN_SENDER;
    const session = await binding.backend()?.session(`window-${event.sender.id}`);
    if (!session?.signedIn || !session.accountId) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
    if (op === 'upload') return storePickedFile(binding.dataDir, session.accountId, arg, binding.maxUploadBytes);
    if (op === 'save') {
      const win = BrowserWindow.fromWebContents(event.sender);
      return saveStoredFile(binding.dataDir, session.accountId, arg, {
        choose: async (defaultName) => {
          const options = { defaultPath: typeof name === 'string' && name ? name : defaultName };
          const chosen = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
          return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
        },
      });
    }
    return { ok: false, error: { code: 'INVALID_INPUT', message: '未知的文件操作' } };
  });
  return () => ipcMain.removeHandler(FILES_CHANNEL);
}
