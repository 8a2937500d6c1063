import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceBackend } from '../host/backend';
import { DEFAULT_MAX_UPLOAD_MB, receiveUpload, sendStoredFile, type FileRouteOptions } from './file-routes';
import { readCookie, SESSION_COOKIE, sessionCookie, StartToken } from './sessions';
import { securityHeaders, serveStatic } from './static-files';
import { EventHub } from './event-hub';

export interface HttpHostOptions {
  /** The services: in a worker thread in the running app, so this thread only routes. */
  backend: ServiceBackend;
  /** The data directory (uploaded and exported files are streamed from and to its file store). */
  dataDir: string;
  rendererDir: string;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes?: number;
  /** Address to listen on; 127.0.0.1 unless the operator asked for more. */
  listenHost?: string;
  port?: number;
}

export interface RunningHttpHost {
  server: Server;
  port: number;
  /** The full address to open, with the start secret. */
  url: string;
  token: StartToken;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge());
        req.resume();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Serves the renderer and the contract over HTTP on one port, for browser mode. */
export function startHttpHost(options: HttpHostOptions): Promise<RunningHttpHost> {
  const listenHost = options.listenHost ?? '127.0.0.1';
  const { backend } = options;
  const token = new StartToken();
  const hub = new EventHub();
  const unsubscribe = backend.onEvent((event, payload) => hub.publish(event, payload));
  const files: FileRouteOptions = {
    dataDir: options.dataDir,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
    securityHeaders: securityHeaders(),
  };
  let port = options.port ?? 0;

  const allowedHosts = () =>
    new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${listenHost}:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site cannot reach us through a rebound DNS name: the Host must be ours.
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'FORBIDDEN', '主机名不被接受');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = await backend.session(sessionId);

    if (url.pathname.startsWith('/api/')) {
      if (!session) return refuse(res, 401, 'UNAUTHENTICATED', '会话已失效：请用启动时打印的完整地址重新打开');
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!session.accountId) return refuse(res, 401, 'UNAUTHENTICATED', '请先登录');
        return hub.attach(req, res, securityHeaders(), { sessionId: session.id, accountId: session.accountId });
      }
      const fileId = /^\/api\/files\/([\w-]{1,64})$/.exec(url.pathname)?.[1];
      if (fileId && (req.method === 'GET' || req.method === 'HEAD')) {
        if (!session.signedIn || !session.accountId) return refuse(res, 401, 'UNAUTHENTICATED', '请先登录');
        return sendStoredFile(res, fileId, session.accountId, files, (status, body) => sendJson(res, status, body), req.method === 'HEAD');
      }
      if (req.method === 'GET' || req.method === 'HEAD') return refuse(res, 404, 'NOT_FOUND', `没有这个地址：${url.pathname.slice(0, 80)}`);
      if (req.method !== 'POST') return refuse(res, 405, 'INVALID_INPUT', '只接受 POST 请求');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^https?:\/\//, ''))) {
        return refuse(res, 403, 'FORBIDDEN', '跨站请求被拒绝');
      }
      if (req.headers['x-griddesk'] !== '1') return refuse(res, 403, 'FORBIDDEN', '缺少 x-griddesk 请求头');
      if (url.pathname === '/api/files') {
        if (!session.signedIn || !session.accountId) return refuse(res, 401, 'UNAUTHENTICATED', '请先登录');
        return receiveUpload(req, session.accountId, files, (status, body) => sendJson(res, status, body));
      }
      if (url.pathname !== '/api/rpc') return refuse(res, 404, 'UNKNOWN_METHOD', `没有这个地址：${url.pathname}`);
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (err) {
        if (err instanceof BodyTooLarge) return refuse(res, 413, 'INVALID_INPUT', '请求体超过 16 MB 上限；文件请通过上传接口传送');
        return refuse(res, 400, 'INVALID_INPUT', '请求体不是有效的 JSON');
      }
      const { method, input, requestId } = (body ?? {}) as { method?: unknown; input?: unknown; requestId?: unknown };
      const env = { mode: 'browser' as const, ...(requestId === undefined ? {} : { requestId }) };
      return sendJson(res, 200, await backend.call(session.id, env, method, input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'INVALID_INPUT', '不支持的请求方法');
    if (token.matches(url.searchParams.get('token'))) {
      url.searchParams.delete('token');
      res.writeHead(303, {
        ...securityHeaders(),
        'set-cookie': sessionCookie(session && !session.accountId ? session.id : await backend.createSession()),
        location: url.pathname + (url.search || ''),
      });
      return void res.end();
    }
    if (!session) {
      res.writeHead(401, { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8' });
      return void res.end(
        '<!doctype html><meta charset="utf-8"><title>GridDesk</title><p>请使用 GridDesk 启动时打印的完整地址（含 token）打开本页面。</p>',
      );
    }
    serveStatic(options.rendererDir, url.pathname, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[http] request failed:', err);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', '内部错误');
      else res.end();
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => {
      port = (server.address() as AddressInfo).port;
      const shownHost = listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost;
      resolve({
        server,
        port,
        url: `http://${shownHost}:${port}/?token=${token.value}`,
        token,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            hub.closeAll();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
