import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { securityHeaders } from './static-files';

/** A JSON reply, never cached. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...securityHeaders(), 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** A refusal in the contract's error shape. */
export function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { ok: false, error: { code, message } });
}

/** A listener whose handler's failures become one logged line and a 500, never an unhandled rejection. */
export function handledServer(tag: string, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Server {
  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(`[${tag}] request failed:`, err);
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', '内部错误');
      else res.end();
    });
  });
}
