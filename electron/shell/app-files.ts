// Serving the renderer build over app:// (plain Node: Request in, Response out, so it is testable
// without Electron). The protocol registration that calls it lives in app-protocol.ts.
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isSpaRoute, resolveAppPath } from './app-path';
import { contentTypeFor } from './mime-types';
import { appResponseHeaders, withCsp } from './response-headers';
import { basemapReply, tiandituReply } from '../../db/basemap/tiles';
import { securityHeaders } from '../server/static-files';

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/** Answers one `app://` request from the renderer build in `rendererDir`, or the basemap of `dataDir` under `/api/basemap/`. */
export async function serveAppRequest(rendererDir: string, request: Request, dataDir?: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, '不支持的请求方法');
  const { pathname } = new URL(request.url);
  if (dataDir && pathname.startsWith('/api/basemap/')) {
    const reply = pathname.startsWith('/api/basemap/tianditu/') ? await tiandituReply(dataDir, pathname) : basemapReply(dataDir, pathname, request.headers.get('range') ?? undefined);
    const body = request.method === 'HEAD' || !reply.body ? null : new Uint8Array(reply.body);
    return new Response(body, { status: reply.status, headers: withCsp({ ...securityHeaders(), ...reply.headers }) });
  }
  const file = resolveAppPath(rendererDir, request.url);
  if (!file) return plain(404, '没有这个文件');
  const index = join(resolve(rendererDir), 'index.html');
  let target = file;
  if (!(await isFile(target))) {
    if (target !== index && !isSpaRoute(target)) return plain(404, '没有这个文件');
    target = index;
    if (!(await isFile(target))) return plain(500, '界面文件缺失：请先运行 npm run build');
  }
  const body = request.method === 'HEAD' ? null : await readFile(target);
  return new Response(body, { status: 200, headers: appResponseHeaders(contentTypeFor(target)) });
}
