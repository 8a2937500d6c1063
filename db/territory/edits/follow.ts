/** Where the points of an outline went when it was edited, and how a neighbour's outline follows. */

/**
 * Points are the same to about a centimetre (7 decimals): outlines from different files meet at
 * corners a projection's round trip has put a few billionths of a degree apart.
 */
const keyOf = (p: number[]) => `${p[0]!.toFixed(7)},${p[1]!.toFixed(7)}`;
const open = (ring: number[][]) => ring.slice(0, -1);

export interface OutlineChange {
  /** An old point (by key) moved to a new place. */
  moved: Map<string, number[]>;
  /** A new point put between two old ones (by key) that were neighbours on the outline. */
  inserted: { between: [string, string]; at: number[] }[];
}

/**
 * Compares an outline before and after an edit (closed rings). With as many points as before, a
 * point that differs moved from the old one at its place; with more, the points not there before
 * were put in between the old points around them (geoman's middle handles).
 */
export function outlineChange(before: number[][], after: number[][]): OutlineChange {
  const old = open(before);
  const now = open(after);
  const oldKeys = new Set(old.map(keyOf));
  const moved = new Map<string, number[]>();
  const inserted: OutlineChange['inserted'] = [];
  if (old.length === now.length) {
    now.forEach((p, i) => {
      const was = old[i]!;
      if (keyOf(p) !== keyOf(was) && !oldKeys.has(keyOf(p))) moved.set(keyOf(was), p);
    });
    return { moved, inserted };
  }
  now.forEach((p, i) => {
    if (oldKeys.has(keyOf(p))) return;
    const around = (step: number) => {
      for (let j = 1; j < now.length; j++) {
        const q = now[(i + step * j + now.length) % now.length]!;
        if (oldKeys.has(keyOf(q))) return keyOf(q);
      }
      return null;
    };
    const a = around(-1);
    const b = around(1);
    if (a && b) inserted.push({ between: [a, b], at: p });
  });
  return { moved, inserted };
}

/** A neighbour's outline after the change: its points on the moved ones follow, points go in on a shared edge. Null when untouched. */
export function followed(ring: number[][], change: OutlineChange): number[][] | null {
  let points = open(ring);
  let touched = false;
  for (const { between, at } of change.inserted) {
    const idx = points.findIndex((p, i) => {
      const q = points[(i + 1) % points.length]!;
      const pair = [keyOf(p), keyOf(q)];
      return (pair[0] === between[0] && pair[1] === between[1]) || (pair[0] === between[1] && pair[1] === between[0]);
    });
    if (idx < 0) continue;
    points = [...points.slice(0, idx + 1), at, ...points.slice(idx + 1)];
    touched = true;
  }
  points = points.map((p) => {
    const to = change.moved.get(keyOf(p));
    if (!to) return p;
    touched = true;
    return to;
  });
  return touched ? [...points, points[0]!] : null;
}
