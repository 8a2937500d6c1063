/**
 * The outer file (docs/bundle-format.md): a stored ZIP of `bundle.age.minisig` and `bundle.age`,
 * and the payload ZIP inside the encryption, read with a cap on what it expands to.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { ServiceError } from '../errors';

export const SIGNATURE_ENTRY = 'bundle.age.minisig';
export const PAYLOAD_ENTRY = 'bundle.age';

/** Larger files are refused before a byte is read (the upload limit is 512 MB). */
export const BUNDLE_MAX_FILE = 512 * 1024 * 1024;
/** What the payload may expand to. */
export const BUNDLE_MAX_EXPANDED = 1024 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function writeContainer(minisig: string, encrypted: Uint8Array): Uint8Array {
  const entries: Zippable = {
    [SIGNATURE_ENTRY]: [strToU8(minisig), { level: 0 }],
    [PAYLOAD_ENTRY]: [encrypted, { level: 0 }],
  };
  return zipSync(entries, { level: 0, mtime: new Date('2000-01-01T00:00:00Z') });
}

/** Whether the first bytes are a ZIP's (read before the rest, so noise is refused at once). */
export function looksLikeContainer(head: Uint8Array): boolean {
  return head.length >= 4 && ZIP_MAGIC.every((b, i) => head[i] === b);
}

const notABundle = (reason: string) => new ServiceError('INVALID_INPUT', 'bundle.notABundle', { reason });

export function readContainer(bytes: Uint8Array): { minisig: string; encrypted: Uint8Array } {
  if (bytes.length === 0) throw new ServiceError('INVALID_INPUT', 'bundle.empty', {});
  if (!looksLikeContainer(bytes)) throw notABundle('开头不是 ZIP 文件头');
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => f.name === SIGNATURE_ENTRY || f.name === PAYLOAD_ENTRY });
  } catch (err) {
    throw notABundle(`ZIP 结构无法读取：${(err as Error).message}`);
  }
  const sig = entries[SIGNATURE_ENTRY];
  const encrypted = entries[PAYLOAD_ENTRY];
  if (!sig) throw notABundle(`缺少 ${SIGNATURE_ENTRY}`);
  if (!encrypted) throw notABundle(`缺少 ${PAYLOAD_ENTRY}`);
  const minisig = Buffer.from(sig).toString('utf8');
  if (!Buffer.from(writeContainer(minisig, encrypted)).equals(bytes)) throw notABundle('ZIP 结构与 GridDesk 写出的不一致，文件被改动过');
  return { minisig, encrypted };
}

export function writePayload(files: Record<string, string>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  return zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

/**
 * The payload's entries, inflated through fflate's streaming reader so the count of expanded
 * bytes is checked chunk by chunk: past `maxExpanded` it stops (a decompression bomb).
 */
export function readPayload(bytes: Uint8Array, maxExpanded = BUNDLE_MAX_EXPANDED): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array[]>();
  let expanded = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    const chunks: Uint8Array[] = [];
    files.set(file.name, chunks);
    file.ondata = (err, chunk) => {
      if (failure) return;
      if (err) {
        failure = notABundle(`压缩内容损坏：${err.message}`);
        return;
      }
      expanded += chunk.length;
      if (expanded > maxExpanded) {
        failure = new ServiceError('INVALID_INPUT', 'bundle.tooLargeExpanded', { max: maxExpanded });
        file.terminate();
        return;
      }
      chunks.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  const step = 1 << 20;
  try {
    for (let at = 0; at < bytes.length && !failure; at += step) unzip.push(bytes.subarray(at, at + step), at + step >= bytes.length);
  } catch (err) {
    failure ??= notABundle(`压缩内容损坏：${(err as Error).message}`);
  }
  if (failure) throw failure;
  return new Map([...files].map(([name, chunks]) => [name, Buffer.concat(chunks)]));
}

/**
 * A bundle file's bytes, read only once its size and first bytes pass: a file over the cap is
 * refused from its size alone and noise from its first four bytes, never read into memory.
 */
export async function readBundleFile(path: string, maxFile = BUNDLE_MAX_FILE): Promise<Uint8Array> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new ServiceError('INVALID_INPUT', 'bundle.empty', {});
    if (size > maxFile) throw new ServiceError('INVALID_INPUT', 'bundle.tooLarge', { size, max: maxFile });
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (!looksLikeContainer(head)) throw notABundle('开头不是 ZIP 文件头');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
