import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceBackend } from '../host/backend';
import { DEFAULT_MAX_UPLOAD_MB, receiveUpload, sendStoredFile, type FileRouteOptions } from './file-routes';
import { readCookie, SESSION_COOKIE, sessionCookie, StartToken } from './sessions';
import { securityHeaders, serveStatic } from './static-files';
import { EventHub } from './event-hub';
import { handledServer, refuse, sendJson } from './replies';
import { viewerOf } from '../host/audience';
import { basemapReply, tiandituReply, type BasemapReply } from '../../db/basemap/tiles';

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
  /** Told the new start address each time the previous one was used (it works once). */
  onStartUrl?: (url: string) => void;
}

export interface RunningHttpHost {
  server: Server;
  port: number;
  /** The full address to open, with the current start secret (each works once). */
  readonly url: string;
  token: StartToken;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

function sendPage(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`<!doctype html><meta charset="utf-8"><title>GridDesk</title><p>${text}</p>`);
}

class BodyTooLarge extends Error {}

function sendBasemap(res: ServerResponse, reply: BasemapReply, headOnly: boolean): void {
  res.writeHead(reply.status, { ...securityHeaders(), ...reply.headers });
  res.end(headOnly ? undefined : (reply.body ?? undefined));
}

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
  let shownHost = listenHost;
  let port = options.port ?? 0;
  const startUrl = (secret: string) => `http://${shownHost}:${port}/?token=${secret}`;
  const token = new StartToken((secret) => options.onStartUrl?.(startUrl(secret)));
  const hub = new EventHub();
  const unsubscribe = backend.onEvent((event, payload) => hub.publish(event, payload));
  const files: FileRouteOptions = {
    dataDir: options.dataDir,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
    securityHeaders: securityHeaders(),
  };

  const allowedHosts = () =>
    new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${listenHost}:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site cannot reach us through a rebound DNS name: the Host must be ours.
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 421, 'FORBIDDEN', '主机名不被接受');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
    const session = await backend.session(sessionId);

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events' && req.method === 'GET') {
        const viewer = session && viewerOf(session);
        // No session, or not signed in (or locked) yet — a cookie that signing in has just renewed: an empty stream that asks the browser to try again shortly,
        // so the page's one EventSource starts receiving once its session signs in or unlocks.
        if (!viewer) {
          res.writeHead(200, { ...securityHeaders(), 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
          res.end('retry: 1000\n\n');
          return;
        }
        return hub.attach(req, res, securityHeaders(), { sessionId: session.id, viewer });
      }
      if (!session) return refuse(res, 401, 'UNAUTHENTICATED', '会话已失效：请用 GridDesk 控制台上最新打印的地址重新打开');
      const fileId = /^\/api\/files\/([\w-]{1,64})$/.exec(url.pathname)?.[1];
      if (fileId && (req.method === 'GET' || req.method === 'HEAD')) {
        if (!session.signedIn || !session.accountId) return refuse(res, 401, 'UNAUTHENTICATED', '请先登录');
        return sendStoredFile(res, fileId, session.accountId, files, (status, body) => sendJson(res, status, body), req.method === 'HEAD');
      }
      if (url.pathname.startsWith('/api/basemap/') && (req.method === 'GET' || req.method === 'HEAD')) {
        if (!session.signedIn) return refuse(res, 401, 'UNAUTHENTICATED', '请先登录');
        const reply = url.pathname.startsWith('/api/basemap/tianditu/')
          ? await tiandituReply(options.dataDir, url.pathname)
          : basemapReply(options.dataDir, url.pathname, req.headers.range);
        return sendBasemap(res, reply, req.method === 'HEAD');
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
      // Signing in gives the session a new id: the browser gets it as a new cookie, the old one is void.
      let renewed: string | undefined;
      const reply = await backend.call(session.id, env, method, input, { onNewSessionId: (id) => (renewed = id) });
      return sendJson(res, 200, reply, renewed ? { 'set-cookie': sessionCookie(renewed) } : {});
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'INVALID_INPUT', '不支持的请求方法');
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      url.searchParams.delete('token');
      const location = url.pathname + (url.search || '');
      // A browser that already has a session keeps it: a second tab spends no secret.
      if (session) return void res.writeHead(303, { ...securityHeaders(), location }).end();
      if (!token.redeem(offered)) return sendPage(res, 401, '这个地址的 token 已经用过或不对：请用 GridDesk 控制台上最新打印的地址打开（每个地址只能用一次）。');
      const created = await backend.createSession(req.socket.remoteAddress ?? 'unknown');
      if (!created.ok) return sendPage(res, 503, created.error.message);
      return void res.writeHead(303, { ...securityHeaders(), 'set-cookie': sessionCookie(created.result), location }).end();
    }
    // The icon is public; a tab may fetch it with a cookie that signing in has just renewed.
    if (url.pathname === '/favicon.svg') return serveStatic(options.rendererDir, url.pathname, res);
    if (!session) return sendPage(res, 401, '请使用 GridDesk 控制台上最新打印的完整地址（含 token）打开本页面。');
    serveStatic(options.rendererDir, url.pathname, res);
  }

  const server = handledServer('http', handle);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, listenHost, () => {
      port = (server.address() as AddressInfo).port;
      shownHost = listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost;
      resolve({
        server,
        port,
        get url() {
          return startUrl(token.value);
        },
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
