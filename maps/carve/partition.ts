/**
 * Splits a set of adjacent blocks into k contiguous, compact groups of similar weight:
 * seeds spread by farthest-point sampling and a few k-means steps, then the lightest group
 * repeatedly takes the adjacent free block nearest its centre.
 */
import type { Pt } from './polygon';

export interface PartitionInput {
  items: readonly number[];
  k: number;
  weight: (id: number) => number;
  position: (id: number) => Pt;
  neighbours: (id: number) => Iterable<number>;
}

const dist2 = (a: Pt, b: Pt) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

/** Groups of item ids (every group non-empty when k ≤ items). Items cut off from every group are left out. */
export function partition({ items, k, weight, position, neighbours }: PartitionInput): number[][] {
  if (k <= 0 || items.length === 0) return [];
  if (k >= items.length) return items.map((id) => [id]);
  const pos = new Map(items.map((id) => [id, position(id)]));
  const mean = (ids: readonly number[]): Pt => {
    let x = 0, y = 0;
    for (const id of ids) { const p = pos.get(id)!; x += p[0]; y += p[1]; }
    return [x / ids.length, y / ids.length];
  };
  const centre = mean(items);
  const seeds: Pt[] = [];
  let first = items[0]!;
  for (const id of items) if (dist2(pos.get(id)!, centre) > dist2(pos.get(first)!, centre)) first = id;
  seeds.push(pos.get(first)!);
  while (seeds.length < k) {
    let best = items[0]!, bestD = -1;
    for (const id of items) {
      const d = Math.min(...seeds.map((s) => dist2(s, pos.get(id)!)));
      if (d > bestD) { bestD = d; best = id; }
    }
    seeds.push(pos.get(best)!);
  }
  for (let iter = 0; iter < 6; iter++) {
    const members: number[][] = seeds.map(() => []);
    for (const id of items) members[nearest(seeds, pos.get(id)!)]!.push(id);
    members.forEach((m, s) => { if (m.length) seeds[s] = mean(m); });
  }

  const owner = new Map<number, number>();
  const groups: number[][] = seeds.map(() => []);
  const load = seeds.map(() => 0);
  const inSet = new Set(items);
  const take = (g: number, id: number) => {
    owner.set(id, g);
    groups[g]!.push(id);
    load[g]! += weight(id);
  };
  seeds.forEach((s, g) => {
    let best = -1;
    for (const id of items) if (!owner.has(id) && (best < 0 || dist2(pos.get(id)!, s) < dist2(pos.get(best)!, s))) best = id;
    take(g, best);
  });
  const stuck = new Set<number>();
  while (owner.size < items.length && stuck.size < k) {
    let g = -1;
    for (let i = 0; i < k; i++) if (!stuck.has(i) && (g < 0 || load[i]! < load[g]!)) g = i;
    let best = -1, bestD = Infinity;
    for (const member of groups[g]!)
      for (const n of neighbours(member)) {
        if (!inSet.has(n) || owner.has(n)) continue;
        const d = dist2(pos.get(n)!, seeds[g]!);
        if (d < bestD || (d === bestD && n < best)) { bestD = d; best = n; }
      }
    if (best < 0) stuck.add(g);
    else take(g, best);
  }
  return groups;
}

function nearest(seeds: Pt[], p: Pt): number {
  let best = 0;
  for (let i = 1; i < seeds.length; i++) if (dist2(seeds[i]!, p) < dist2(seeds[best]!, p)) best = i;
  return best;
}
