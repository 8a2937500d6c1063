import { randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'griddesk_session';
/** Printed on the console before each renewed start address (the e2e support reads it). */
export const NEXT_START_URL = '下一个浏览器的启动地址（只能用一次）：';

function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The secret in the address printed at start. Opening that address exchanges it for a session
 * cookie (HttpOnly, SameSite=Strict), once: the secret is then spent, and a fresh one takes its
 * place and is told to `onRenewed` (printed on the console) for the next browser. A browser that
 * already holds a session keeps it, so a second tab needs no secret at all. Without one a browser
 * — or another local program — cannot even reach the sign-in page.
 */
export class StartToken {
  private current = newSecret();

  constructor(private readonly onRenewed: (secret: string) => void = () => {}) {}

  get value(): string {
    return this.current;
  }

  matches(candidate: string | null | undefined): boolean {
    if (!candidate) return false;
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.current);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Spends the secret when the candidate is it (true), replacing it with a fresh one. */
  redeem(candidate: string | null | undefined): boolean {
    if (!this.matches(candidate)) return false;
    this.current = newSecret();
    this.onRenewed(this.current);
    return true;
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
