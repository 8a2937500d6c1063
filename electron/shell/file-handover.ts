import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { ApiResponse, UploadedFile } from '../api';
import { commitFile, discardFile, openStoredFile, reserveFile } from '../../db/files/store';
import { ServiceError } from '../../db/errors';

/** What the desktop app's file hand-over needs from Electron: a save dialog. */
export interface SaveDialog {
  /** The path the user chose, or null when they cancelled. */
  choose(defaultName: string): Promise<string | null>;
}

const refused = (code: 'INVALID_INPUT' | 'NOT_FOUND' | 'FORBIDDEN', message: string): ApiResponse<never> => ({
  ok: false,
  error: { code, message, field: 'file' },
});

/**
 * Copies a file the user picked into the file store, by stream. The path comes from the preload
 * (`webUtils.getPathForFile` of a File the user chose); anything but a regular file is refused.
 */
export async function storePickedFile(dataDir: string, accountId: string, path: unknown, maxBytes: number): Promise<ApiResponse<UploadedFile>> {
  if (typeof path !== 'string' || path === '') return refused('INVALID_INPUT', '没有选中文件（或文件不在本机磁盘上）');
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return refused('INVALID_INPUT', '选中的不是文件');
    size = st.size;
  } catch {
    return refused('NOT_FOUND', '找不到选中的文件，可能已被移动或删除');
  }
  if (size > maxBytes) return refused('INVALID_INPUT', `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 的上限，未保存。请拆分后再上传`);
  const target = reserveFile(dataDir);
  try {
    await pipeline(createReadStream(path), createWriteStream(target.path, { mode: 0o600 }));
  } catch {
    discardFile(dataDir, target.id);
    return refused('INVALID_INPUT', '读取选中的文件失败，请确认文件未被占用后重试');
  }
  const name = path.split(/[\\/]/).pop() ?? path;
  const file = commitFile(dataDir, target.id, { name, kind: 'upload', ownerId: accountId });
  return { ok: true, result: { fileId: file.id, name: file.name, size: file.size } };
}

/** Asks where to save a stored file of the account's, then copies it there by stream. */
export async function saveStoredFile(dataDir: string, accountId: string, fileId: unknown, dialog: SaveDialog): Promise<ApiResponse<{ saved: boolean }>> {
  if (typeof fileId !== 'string') return refused('INVALID_INPUT', '缺少文件编号');
  let stored;
  try {
    stored = openStoredFile(dataDir, fileId, { id: accountId });
  } catch (err) {
    if (err instanceof ServiceError) return refused(err.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'NOT_FOUND', err.message);
    throw err;
  }
  const target = await dialog.choose(stored.name);
  if (!target) return { ok: true, result: { saved: false } };
  await pipeline(createReadStream(stored.path), createWriteStream(target));
  return { ok: true, result: { saved: true } };
}
