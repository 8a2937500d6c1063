import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { WALL_EVENTS } from '../api';
import type { ServiceBackend } from '../host/backend';
import { SESSION_ENDED } from '../host/audience';
import { wallStreamId } from '../host/wall';
import { EventHub } from './event-hub';
import { handledServer, refuse, sendJson } from './replies';
import { readCookie } from './sessions';
import { securityHeaders, serveStatic } from './static-files';
import { wallHostAllowed, type WallAddress } from './wall-address';

export const WALL_COOKIE = 'griddesk_wall';
/** The page a wall PC opens; the renderer shows the pairing screen or the 大屏 there. */
export const WALL_PATH = '/wall';
/** Printed once the wall listener is up (the e2e support reads it). */
export const WALL_LISTENING = 'GridDesk wall display on ';

const MAX_BODY = 4096;
const YEAR_SECONDS = 400 * 24 * 3600;

export interface RunningWallHost {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

function readSmallBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let text = '';
    let over = false;
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > MAX_BODY) over = true;
    });
    req.on('end', () => resolve(over ? null : text));
    req.on('error', () => resolve(null));
  });
}

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The device credential: long-lived, sent only to this listener, never readable by the page. */
const wallCookie = (token: string) => `${WALL_COOKIE}=${token}; Path=/; Max-Age=${YEAR_SECONDS}; HttpOnly; SameSite=Strict`;

/** The address to print: the one listened on, or for every address this PC's first network address. */
function shownHost(listen: string): string {
  if (listen !== '0.0.0.0' && listen !== '::') return listen.includes(':') ? `[${listen}]` : listen;
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}

/**
 * The wall listener of browser mode (`--wall ADDR:PORT`): a second port, apart from the
 * operators' loopback one, that serves only the renderer's files, pairing, the briefing's reads
 * and their push events. It holds no sessions: a wall PC is known by its device credential, which
 * the services check at every request, so a revoked display loses access at once.
 */
export function startWallHost(options: { backend: ServiceBackend; rendererDir: string; address: WallAddress }): Promise<RunningWallHost> {
  const { backend, rendererDir } = options;
  const listen = options.address.host;
  let port = options.address.port;
  const hub = new EventHub();
  const shown = new Set<string>([...WALL_EVENTS, SESSION_ENDED]);
  const unsubscribe = backend.onEvent((event, payload) => {
    if (shown.has(event)) hub.publish(event, payload);
  });

  /** Whether the database is open (someone signed in since the start), and the display holding the request's credential. */
  const stateOf = async (req: IncomingMessage) => {
    const s = await backend.wall({ op: 'display', token: readCookie(req.headers.cookie, WALL_COOKIE) });
    return s && 'open' in s ? s : { open: false, display: null };
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!wallHostAllowed(req.headers.host, listen, port)) return refuse(res, 421, 'FORBIDDEN', '主机名不被接受：请用 IP 地址打开大屏地址');
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const path = url.pathname;
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (path === '/') return void res.writeHead(303, { ...securityHeaders(), location: WALL_PATH }).end();
      if (path === WALL_PATH) return serveStatic(rendererDir, '/index.html', res);
      if (path.startsWith('/assets/') || path === '/favicon.svg') return serveStatic(rendererDir, path, res);
      if (path === '/api/wall/status') {
        const { open, display } = await stateOf(req);
        return sendJson(res, 200, { open, paired: !!display, name: display?.name ?? null });
      }
      if (path === '/api/events') {
        const d = (await stateOf(req)).display;
        if (!d) return refuse(res, 401, 'UNAUTHENTICATED', '这台显示器尚未配对或已被撤销');
        return hub.attach(req, res, securityHeaders(), { sessionId: wallStreamId(d.id), viewer: { accountId: wallStreamId(d.id), gridIds: null } });
      }
      return refuse(res, 404, 'NOT_FOUND', `大屏地址上没有这个页面：${path.slice(0, 80)}`);
    }
    if (req.method !== 'POST') return refuse(res, 405, 'INVALID_INPUT', '只接受 GET 和 POST 请求');
    const origin = req.headers.origin;
    if (origin !== undefined && origin.replace(/^https?:\/\//, '') !== req.headers.host) return refuse(res, 403, 'FORBIDDEN', '跨站请求被拒绝');
    if (req.headers['x-griddesk'] !== '1') return refuse(res, 403, 'FORBIDDEN', '缺少 x-griddesk 请求头');
    const body = parseJson(await readSmallBody(req));
    if (!body) return refuse(res, 400, 'INVALID_INPUT', '请求体不是有效的 JSON（或超过 4 KB）');
    if (path === '/api/wall/pair') {
      const code = typeof body.code === 'string' ? body.code.slice(0, 40) : '';
      const reply = await backend.wall({ op: 'pair', code, source: req.socket.remoteAddress ?? 'unknown' });
      if (!reply.ok) return sendJson(res, 200, reply);
      return sendJson(res, 200, { ok: true, result: { name: reply.result.display.name } }, { 'set-cookie': wallCookie(reply.result.token) });
    }
    if (path === '/api/rpc') {
      const reply = await backend.wall({ op: 'call', token: readCookie(req.headers.cookie, WALL_COOKIE), method: body.method, input: body.input });
      return sendJson(res, 200, reply);
    }
    return refuse(res, 404, 'UNKNOWN_METHOD', `大屏地址上没有这个接口：${path.slice(0, 80)}`);
  }

  const server = handledServer('wall', handle);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.address.port, listen, () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        server,
        port,
        url: `http://${shownHost(listen)}:${port}${WALL_PATH}`,
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
