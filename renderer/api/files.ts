/** A file the user picked and the service now holds in its file store. */
export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
}

function pickFile(accept: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

/** Asks the user for a file (of the given extensions, `.xlsx`) and uploads it; null when they cancel. */
export async function pickAndUploadFile(options: { accept: string[] }): Promise<UploadedFile | null> {
  const file = await pickFile(options.accept);
  if (!file) return null;
  const response = await fetch('/api/files', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-griddesk': '1', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as { ok: boolean; result?: UploadedFile; error?: { message: string } } | null;
  if (!body?.ok || !body.result) throw new Error(body?.error?.message ?? `上传失败（HTTP ${response.status}）`);
  return body.result;
}

/** Saves a stored file (an export, a report) where the user chooses. */
export async function downloadFile(fileId: string): Promise<void> {
  const a = document.createElement('a');
  a.href = `/api/files/${encodeURIComponent(fileId)}`;
  a.download = '';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
