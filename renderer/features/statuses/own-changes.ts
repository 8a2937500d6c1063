/**
 * Changes this window makes itself: the push that echoes them back (it can arrive before the
 * call's own answer) needs no "N buildings were updated" notice, the window says what it did.
 */
const own = new Set<number>();
let pending = 0;

/** Call before sending a change; call the returned function with its `at` (or none) once answered. */
export function beginOwnChange(): (at?: number) => void {
  pending++;
  let ended = false;
  return (at) => {
    if (ended) return;
    ended = true;
    if (at !== undefined) {
      own.add(at);
      if (own.size > 50) own.delete(own.values().next().value as number);
    }
    // The echo of a change can trail its answer by a moment.
    window.setTimeout(() => pending--, 1500);
  };
}

export function isOwnChange(at: number): boolean {
  return pending > 0 || own.has(at);
}
