import type { UploadedFile } from '../../electron/api';
import { ApiCallError, getApi } from './client';

/** Hands a file the user picked to the services (streamed); throws an `ApiCallError` when refused. */
export async function uploadFile(file: File, onProgress?: (sent: number, total: number) => void): Promise<UploadedFile> {
  const response = await getApi().files.upload(file, onProgress);
  if (!response.ok) throw new ApiCallError('files.upload', response.error);
  return response.result;
}

/** Asks the user for a file (of the given extensions, e.g. `.xlsx`) and uploads it; null when they cancel. */
export function pickAndUploadFile(options: { accept: string[]; onProgress?: (sent: number, total: number) => void }): Promise<UploadedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = options.accept.join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      uploadFile(file, options.onProgress).then(resolve, reject);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

/** Saves a stored file (an export, a report): a save dialog in the desktop app, a download in the browser. */
export async function downloadFile(fileId: string, name = ''): Promise<void> {
  const response = await getApi().files.save(fileId, name);
  if (!response.ok) throw new ApiCallError('files.save', response.error);
}
