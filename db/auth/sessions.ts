import { randomBytes } from 'node:crypto';
import type { Actor } from './roles';

export interface Session {
  id: string;
  /** Set once signed in. */
  accountId?: string;
  username?: string;
  actor?: Actor;
  lastActive: number;
  /** Idle too long: only unlock or sign-out are accepted until the password is given again. */
  locked: boolean;
}

export const DEFAULT_IDLE_MINUTES = 15;

/**
 * Sessions of one running process, the same for Electron windows and browser tabs. A session
 * exists before sign-in (a window, or a browser that opened the start URL) and carries the
 * signed-in account after it.
 */
export class SessionManager {
  private readonly sessions = new Map<string, Session>();

  constructor(
    readonly idleMinutes: number = DEFAULT_IDLE_MINUTES,
    private readonly now: () => number = Date.now,
    /** Told when a signed-in session signs out or locks: its event streams must stop. */
    private readonly onEnded: (sessionId: string) => void = () => {},
  ) {}

  create(id: string = randomBytes(32).toString('base64url')): Session {
    const session: Session = { id, lastActive: this.now(), locked: false };
    this.sessions.set(id, session);
    return session;
  }

  /** The session, locked first if it has been idle longer than allowed. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session?.actor && !session.locked && this.now() - session.lastActive > this.idleMinutes * 60_000) {
      session.locked = true;
      this.onEnded(session.id);
    }
    return session;
  }

  touch(session: Session): void {
    session.lastActive = this.now();
  }

  signIn(session: Session, accountId: string, username: string, actor: Actor): void {
    Object.assign(session, { accountId, username, actor, locked: false, lastActive: this.now() });
  }

  signOut(session: Session): void {
    if (session.actor) this.onEnded(session.id);
    delete session.accountId;
    delete session.username;
    delete session.actor;
    session.locked = false;
  }

  /** Ends every session of an account (disabled, or its password reset by an administrator). */
  signOutAccount(accountId: string): void {
    for (const s of this.sessions.values()) if (s.accountId === accountId) this.signOut(s);
  }

  drop(id: string): void {
    this.sessions.delete(id);
  }
}
