import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'griddesk_session';

/**
 * The secret printed at start. Opening the printed URL exchanges it for a session cookie
 * (HttpOnly, SameSite=Strict); signing in then happens within that session. Without it a
 * browser — or another local program — cannot even reach the sign-in page.
 */
export class StartToken {
  readonly value = randomBytes(24).toString('base64url');

  matches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.value);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

export function sessionCookie(sessionId: string): string {
  return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
