import type { IncomingMessage, ServerResponse } from 'node:http';
import { mayReceive, SESSION_ENDED } from '../host/audience';

/** Server-sent events: each push event goes to every open browser window that may receive it. */
export class EventHub {
  /** Each open stream and the session and account it was opened for. */
  private readonly clients = new Map<ServerResponse, { sessionId: string; accountId: string }>();
  private heartbeat: NodeJS.Timeout | undefined;

  attach(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, owner: { sessionId: string; accountId: string }): void {
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
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const [client, { accountId }] of this.clients) if (mayReceive(event, payload, accountId)) client.write(frame);
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
