import { ServiceError } from '../errors';

export interface ThrottleLimit {
  /** Failed password checks a source may make within `windowMs`… */
  failures: number;
  windowMs: number;
}

/** …after which its sign-ins are refused at once until the oldest failure is that old. */
export const SIGN_IN_THROTTLE: ThrottleLimit = { failures: 10, windowMs: 60_000 };
/** Sources remembered at most; past that the least recently failing are forgotten. */
const MAX_SOURCES = 1_000;

/**
 * Failed password checks (sign-in, unlock, changing the password, the recovery code) per source:
 * the client's address in browser mode, the window in the desktop app. Beyond the limit a source
 * is refused before any password is checked, so guessing runs at a few per minute whatever the
 * names tried; the per-name lockout (`LockoutBook`) still applies within that.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    readonly limit: ThrottleLimit = SIGN_IN_THROTTLE,
  ) {}

  /** Throws while the source has used up its failures. */
  check(source: string): void {
    const recent = this.recent(source);
    if (recent.length < this.limit.failures) return;
    const seconds = Math.max(1, Math.ceil((recent[0]! + this.limit.windowMs - this.now()) / 1000));
    throw new ServiceError('UNAUTHENTICATED', 'login.throttled', { seconds });
  }

  fail(source: string): void {
    const recent = this.recent(source);
    recent.push(this.now());
    this.failures.delete(source);
    this.failures.set(source, recent);
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_SOURCES) break;
      this.failures.delete(key);
    }
  }

  private recent(source: string): number[] {
    return (this.failures.get(source) ?? []).filter((t) => this.now() - t < this.limit.windowMs);
  }
}
