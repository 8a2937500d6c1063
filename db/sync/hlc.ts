/**
 * Hybrid logical clock. A timestamp is `WWWWWWWWWWWWWWW:CCCCC:node` (wall milliseconds padded
 * to 15 digits, a counter padded to 5, the node id), so plain string order is causal order.
 */
export interface HlcParts {
  wall: number;
  counter: number;
  node: string;
}

export function formatHlc({ wall, counter, node }: HlcParts): string {
  return `${String(wall).padStart(15, '0')}:${String(counter).padStart(5, '0')}:${node}`;
}

/** The shape of a timestamp: wall, counter, node. */
export const HLC_RE = /^(\d{15}):(\d{5}):(.+)$/;

export function parseHlc(value: string): HlcParts {
  const m = HLC_RE.exec(value);
  if (!m) throw new Error(`不是有效的 HLC 时间戳: ${value}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3]! };
}

export class HybridClock {
  private wall = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A timestamp for a local change. */
  tick(): string {
    const pt = this.now();
    if (pt > this.wall) {
      this.wall = pt;
      this.counter = 0;
    } else {
      this.counter++;
    }
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }

  /** Advance past a timestamp received from another node; returns the new local timestamp. */
  receive(remote: string): string {
    const r = parseHlc(remote);
    const pt = this.now();
    const wall = Math.max(this.wall, r.wall, pt);
    if (wall === this.wall && wall === r.wall) this.counter = Math.max(this.counter, r.counter) + 1;
    else if (wall === this.wall) this.counter++;
    else if (wall === r.wall) this.counter = r.counter + 1;
    else this.counter = 0;
    this.wall = wall;
    return formatHlc({ wall: this.wall, counter: this.counter, node: this.node });
  }
}
