import { createReadStream, createWriteStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { commitFile, discardFile, openStoredFile, reserveFile } from '../../db/files/store';
import { ServiceError } from '../../db/errors';

/** Largest upload browser mode takes; `GRIDDESK_MAX_UPLOAD_MB` changes it. */
export const DEFAULT_MAX_UPLOAD_MB = 512;

export interface FileRouteOptions {
  dataDir: string;
  maxUploadBytes: number;
  securityHeaders: Record<string, string>;
}

type Send = (status: number, body: unknown) => void;

class TooLarge extends Error {}

const tooLargeMessage = (max: number) => `文件超过 ${Math.round(max / 1024 / 1024)} MB 的上限，未保存。请拆分后再上传`;

/**
 * Streams a request body into the file store (never more than a chunk in memory) and answers
 * with the new file's id. A body over the limit is refused with 413 and nothing is kept.
 */
export async function receiveUpload(req: IncomingMessage, accountId: string, options: FileRouteOptions, send: Send): Promise<void> {
  const { dataDir, maxUploadBytes } = options;
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > maxUploadBytes) {
    send(413, { ok: false, error: { code: 'INVALID_INPUT', message: tooLargeMessage(maxUploadBytes), field: 'file' } });
    req.resume();
    return;
  }
  let name: string;
  try {
    name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
  } catch {
    name = '';
  }
  if (!name) return send(400, { ok: false, error: { code: 'INVALID_INPUT', message: '缺少文件名（x-file-name 请求头）', field: 'file' } });
  const target = reserveFile(dataDir);
  let size = 0;
  // Past the limit the rest is read and dropped, so the answer can still be sent; a body that
  // goes on far past it is cut off.
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > 2 * maxUploadBytes) done(new TooLarge());
      else done(null, size > maxUploadBytes ? undefined : chunk);
    },
  });
  try {
    await pipeline(req, limit, createWriteStream(target.path, { mode: 0o600 }));
  } catch (err) {
    discardFile(dataDir, target.id);
    // Far past the limit the connection was cut; answer if it can still be answered.
    if (err instanceof TooLarge) return send(413, { ok: false, error: { code: 'INVALID_INPUT', message: tooLargeMessage(maxUploadBytes), field: 'file' } });
    throw err;
  }
  if (size > maxUploadBytes) {
    discardFile(dataDir, target.id);
    return send(413, { ok: false, error: { code: 'INVALID_INPUT', message: tooLargeMessage(maxUploadBytes), field: 'file' } });
  }
  const file = commitFile(dataDir, target.id, { name, kind: 'upload', ownerId: accountId });
  send(200, { ok: true, result: { fileId: file.id, name: file.name, size: file.size } });
}

/** `attachment; filename*=UTF-8''…`: the name survives in every browser, Chinese included. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Streams a stored file to its owner. */
export async function sendStoredFile(res: ServerResponse, fileId: string, accountId: string, options: FileRouteOptions, send: Send, headOnly = false): Promise<void> {
  let file;
  try {
    file = openStoredFile(options.dataDir, fileId, { id: accountId });
  } catch (err) {
    if (err instanceof ServiceError) return send(err.code === 'FORBIDDEN' ? 403 : 404, { ok: false, error: { code: err.code, message: err.message } });
    throw err;
  }
  res.writeHead(200, {
    ...options.securityHeaders,
    'content-type': 'application/octet-stream',
    'content-length': String(file.size),
    'content-disposition': attachmentHeader(file.name),
    'cache-control': 'no-store',
  });
  if (headOnly) return void res.end();
  await pipeline(createReadStream(file.path), res);
}
