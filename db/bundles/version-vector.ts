/**
 * Version vectors of travelling rows: node id → the newest stamp of that node a row's value
 * includes. A row's vector is the one kept from its last merge joined with its own stamp, so a
 * local edit (which restamps) needs no bookkeeping.
 */
export type VersionVector = Record<string, string>;

export function join(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = { ...a };
  for (const [node, hlc] of Object.entries(b)) if (!out[node] || out[node] < hlc) out[node] = hlc;
  return out;
}

/** The vector of a row as it stands: the kept one with the row's own stamp. */
export function rowVector(kept: VersionVector | null, origin: string, hlc: string): VersionVector {
  return join(kept ?? {}, { [origin]: hlc });
}

/** Whether every change `a` includes is in `b` too. */
export function includedIn(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(a).every(([node, hlc]) => (b[node] ?? '') >= hlc);
}

export function sameVector(a: VersionVector, b: VersionVector): boolean {
  return includedIn(a, b) && includedIn(b, a);
}
