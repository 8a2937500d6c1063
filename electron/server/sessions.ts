import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../db/auth/roles';

export const SESSION_COOKIE = 'griddesk_session';

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Browser-mode sessions. The server prints a URL holding a secret made at start; opening it
 * sets an HttpOnly, SameSite=Strict session cookie, and only requests carrying a live session
 * (or the secret itself as a bearer token, for scripts) reach the services.
 */
export class SessionStore {
  readonly startToken = randomBytes(24).toString('base64url');
  private readonly sessions = new Map<string, { actor: Actor; lastSeen: number }>();

  constructor(private readonly startActor: Actor) {}

  isStartToken(candidate: string | null | undefined): boolean {
    return !!candidate && safeEqual(candidate, this.startToken);
  }

  open(actor: Actor = this.startActor): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { actor, lastSeen: Date.now() });
    return id;
  }

  actorFor(sessionId: string | undefined, bearer: string | undefined): Actor | undefined {
    if (bearer && this.isStartToken(bearer)) return this.startActor;
    if (!sessionId) return undefined;
    const session = this.sessions.get(sessionId);
    if (!session) return undefined;
    session.lastSeen = Date.now();
    return session.actor;
  }

  cookieHeader(sessionId: string): string {
    return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
