import { randomBytes } from 'node:crypto';
import { ServiceError } from '../errors';
import type { Actor } from './roles';
import { SignInThrottle } from './throttle';

export interface Session {
  /** Its current id: a new one at each sign-in, so an id known before sign-in is worth nothing after. */
  id: string;
  /**
   * Where its calls come from: the client's address in browser mode, the window in the desktop
   * app. Failed sign-ins are throttled by it.
   */
  source: string;
  /** Set once signed in. */
  accountId?: string;
  username?: string;
  actor?: Actor;
  /** Opened, or last signed out: a session nobody signs in to is dropped after `unsignedMinutes`. */
  since: number;
  lastActive: number;
  /** Idle too long: only unlock or sign-out are accepted until the password is given again. */
  locked: boolean;
}

export const DEFAULT_IDLE_MINUTES = 15;

export interface SessionLimits {
  /** Sessions open at once, signed in or not; one more is refused. */
  maxSessions: number;
  /** A session not signed in is dropped this long after it was opened or signed out. */
  unsignedMinutes: number;
}

export const SESSION_LIMITS: SessionLimits = { maxSessions: 200, unsignedMinutes: 10 };

function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Sessions of one running process, the same for Electron windows and browser tabs. A session
 * exists before sign-in (a window, or a browser that opened the start URL) and carries the
 * signed-in account after it. A desktop window knows its session by a fixed handle (`window-7`)
 * that follows the session's id when it changes; a browser knows it by the id in its cookie.
 */
export class SessionManager {
  private readonly sessions = new Map<string, Session>();
  /** A window's handle → its session's current id. */
  private readonly handles = new Map<string, string>();
  /** Failed password checks per source: a source that fails too often is refused for a while. */
  readonly throttle: SignInThrottle;

  constructor(
    readonly idleMinutes: number = DEFAULT_IDLE_MINUTES,
    private readonly now: () => number = Date.now,
    /** Told when a signed-in session signs out or locks: its event streams must stop. */
    private readonly onEnded: (sessionId: string) => void = () => {},
    readonly limits: SessionLimits = SESSION_LIMITS,
  ) {
    this.throttle = new SignInThrottle(now);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** A new session, not signed in; refused when `maxSessions` are open. Its source defaults to itself. */
  create(source?: string): Session {
    this.dropExpired();
    if (this.sessions.size >= this.limits.maxSessions) {
      throw new ServiceError('CONFLICT', 'session.tooMany', { max: this.limits.maxSessions, minutes: this.limits.unsignedMinutes });
    }
    const id = newSessionId();
    const session: Session = { id, source: source ?? id, since: this.now(), lastActive: this.now(), locked: false };
    this.sessions.set(id, session);
    return session;
  }

  /** The session of a desktop window, opened at its first call (or again once it expired). */
  forHandle(handle: string): Session {
    const existing = this.get(handle);
    if (existing) return existing;
    const session = this.create(handle);
    this.handles.set(handle, session.id);
    return session;
  }

  /** The session by id or window handle: locked first if idle too long; none once it expired unsigned. */
  get(idOrHandle: string | undefined): Session | undefined {
    if (!idOrHandle) return undefined;
    const session = this.sessions.get(this.handles.get(idOrHandle) ?? idOrHandle);
    if (!session) return undefined;
    if (this.expired(session)) {
      this.drop(session.id);
      return undefined;
    }
    if (session.actor && !session.locked && this.now() - session.lastActive > this.idleMinutes * 60_000) {
      session.locked = true;
      this.onEnded(session.id);
    }
    return session;
  }

  touch(session: Session): void {
    session.lastActive = this.now();
  }

  /** Signs the session in under a new id (the old one no longer finds it); a window's handle follows. */
  signIn(session: Session, accountId: string, username: string, actor: Actor): void {
    if (session.actor) this.onEnded(session.id);
    const oldId = session.id;
    this.sessions.delete(oldId);
    session.id = newSessionId();
    this.sessions.set(session.id, session);
    for (const [handle, id] of this.handles) if (id === oldId) this.handles.set(handle, session.id);
    Object.assign(session, { accountId, username, actor, locked: false, lastActive: this.now() });
  }

  signOut(session: Session): void {
    if (session.actor) this.onEnded(session.id);
    delete session.accountId;
    delete session.username;
    delete session.actor;
    session.locked = false;
    session.since = this.now();
  }

  /**
   * Ends every session of an account but the one given: it was disabled, or its role, grids or
   * password changed. Their event streams close; they sign in again as the account is now.
   */
  signOutAccount(accountId: string, except?: Session): void {
    for (const s of this.sessions.values()) if (s.accountId === accountId && s !== except) this.signOut(s);
  }

  drop(id: string): void {
    this.sessions.delete(id);
    for (const [handle, target] of this.handles) if (target === id) this.handles.delete(handle);
  }

  private expired(session: Session): boolean {
    return !session.actor && this.now() - session.since > this.limits.unsignedMinutes * 60_000;
  }

  private dropExpired(): void {
    for (const session of [...this.sessions.values()]) if (this.expired(session)) this.drop(session.id);
  }
}
