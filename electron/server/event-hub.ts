import type { IncomingMessage, ServerResponse } from 'node:http';
import { eventFor, SESSION_ENDED, type Viewer } from '../host/audience';

/**
 * Server-sent events: each push event goes to every open browser window that may receive it, as
 * that window may see it. A stream is opened for a signed-in session and closed when the session
 * ends (sign-out, lock, or a change to its account), so the viewer it was opened as is current.
 */
export class EventHub {
  /** Each open stream, its session, and who it shows events to. */
  private readonly clients = new Map<ServerResponse, { sessionId: string; viewer: Viewer }>();
  private heartbeat: NodeJS.Timeout | undefined;

  attach(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, owner: { sessionId: string; viewer: Viewer }): void {
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    this.clients.set(res, owner);
    req.on('close', () => this.clients.delete(res));
    this.heartbeat ??= setInterval(() => {
      for (const client of this.clients.keys()) client.write(': ping\n\n');
    }, 25_000).unref();
  }

  publish(event: string, payload: unknown): void {
    if (event === SESSION_ENDED) return this.end((payload as { sessionId: string }).sessionId);
    for (const [client, { viewer }] of this.clients) {
      const shown = eventFor(event, payload, viewer);
      if (shown !== null) client.write(`event: ${event}\ndata: ${JSON.stringify(shown)}\n\n`);
    }
  }

  /** Closes the streams of a session that signed out or locked. */
  private end(sessionId: string): void {
    for (const [client, owner] of this.clients) {
      if (owner.sessionId !== sessionId) continue;
      this.clients.delete(client);
      client.end();
    }
  }

  closeAll(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of this.clients.keys()) client.end();
    this.clients.clear();
  }
}
