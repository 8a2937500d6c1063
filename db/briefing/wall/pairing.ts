import { randomInt, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../../audit/append';
import { authorize } from '../../auth/permissions';
import type { Actor } from '../../auth/roles';
import { SignInThrottle, type ThrottleLimit } from '../../auth/throttle';
import type { ServiceContext } from '../../context';
import { ServiceError } from '../../errors';
import type { WallDisplay, WallPairingCode } from '../../../electron/api/wall';
import { addDisplay } from './displays';

/** Wrong codes one address may enter per minute, and all addresses together. */
export const WALL_PAIR_LIMITS: { perSource: ThrottleLimit; overall: ThrottleLimit } = {
  perSource: { failures: 5, windowMs: 60_000 },
  overall: { failures: 20, windowMs: 60_000 },
};

const CODE_DIGITS = 8;

interface OpenCode {
  code: string;
  name: string;
  by: Actor;
  expiresAt: number;
}

/** Eight digits, grouped for reading aloud: `4821 0937`. The input may carry spaces or dashes. */
const normalise = (code: string) => code.replace(/[\s-]/g, '');

function sameCode(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Pairing codes of one running process, in memory only: each is made by an administrator or
 * leader, shown to them once, works once and for a few minutes. Wrong codes are throttled
 * per address and overall, so guessing the 10^8 codes runs at 20 a minute at most.
 */
export class WallPairing {
  private codes: OpenCode[] = [];
  private readonly perSource: SignInThrottle;
  private readonly overall: SignInThrottle;

  constructor(
    private readonly now: () => number,
    /** How long a code works, and how many may wait unused at once (the contract's `WALL_CODE_MINUTES`, `WALL_CODE_MAX_OPEN`). */
    private readonly policy: { minutes: number; maxOpen: number },
    limits = WALL_PAIR_LIMITS,
  ) {
    this.perSource = new SignInThrottle(now, limits.perSource);
    this.overall = new SignInThrottle(now, limits.overall);
  }

  /** `wall.createCode`: a new code, audited without the code itself. */
  createCode(ctx: ServiceContext, name: string): WallPairingCode {
    authorize(ctx.actor, 'briefing.configure');
    this.dropExpired();
    if (this.codes.length >= this.policy.maxOpen) throw new ServiceError('CONFLICT', 'wall.tooManyCodes', { max: this.policy.maxOpen });
    let code: string;
    do code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    while (this.codes.some((c) => c.code === code));
    const expiresAt = this.now() + this.policy.minutes * 60_000;
    this.codes.push({ code, name, by: ctx.actor, expiresAt });
    appendAudit(ctx.sqlite, { actor: ctx.actor, action: 'wall.code_create', target: name, detail: { name, expiresAt }, at: this.now() });
    return { code, name, expiresAt };
  }

  /**
   * A wall PC at `source` enters a code: a right one, not expired, is spent and the display
   * recorded (credential returned); a wrong one counts against the address and overall.
   */
  pair(sqlite: Database.Database, entered: string, source: string): { display: WallDisplay; token: string } {
    this.check(this.perSource, source);
    this.check(this.overall, 'all');
    this.dropExpired();
    const wanted = normalise(entered);
    const open = this.codes.find((c) => sameCode(c.code, wanted));
    if (!open) {
      this.perSource.fail(source);
      this.overall.fail('all');
      throw new ServiceError('UNAUTHENTICATED', 'wall.codeWrong', {}, 'code');
    }
    this.codes = this.codes.filter((c) => c !== open);
    return addDisplay(sqlite, { name: open.name, by: open.by, from: source, now: this.now() });
  }

  private check(throttle: SignInThrottle, key: string): void {
    try {
      throttle.check(key);
    } catch (err) {
      const seconds = err instanceof ServiceError ? Number(err.params.seconds) : 60;
      throw new ServiceError('UNAUTHENTICATED', 'wall.throttled', { seconds }, 'code');
    }
  }

  private dropExpired(): void {
    const now = this.now();
    this.codes = this.codes.filter((c) => c.expiresAt > now);
  }
}
