/**
 * Changes this window makes itself, known by the batch id their answer carries: the push that
 * echoes one back needs no "N buildings were updated" notice, the window says what it did. The
 * echo can arrive before the answer, so while calls of this window are in flight, the verdict on
 * a pushed change waits until they have answered.
 */
export class OwnChanges {
  private readonly own = new Set<string>();
  private inFlight = 0;
  private waiting: { batchId: string; decide: (own: boolean) => void }[] = [];

  /** Call before sending a change; call the returned function with its batch id (or none, if it failed) once answered. */
  begin(): (batchId?: string) => void {
    this.inFlight++;
    let ended = false;
    return (batchId) => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      if (batchId !== undefined) {
        this.own.add(batchId);
        if (this.own.size > 50) this.own.delete(this.own.values().next().value as string);
      }
      this.settle();
    };
  }

  /** Calls `decide` with whether the change of this batch was made here: at once, or once this window's calls in flight have answered. */
  classify(batchId: string, decide: (own: boolean) => void): void {
    if (this.own.has(batchId) || this.inFlight === 0) decide(this.own.has(batchId));
    else this.waiting.push({ batchId, decide });
  }

  private settle(): void {
    const ready = this.waiting.filter((w) => this.own.has(w.batchId) || this.inFlight === 0);
    this.waiting = this.waiting.filter((w) => !ready.includes(w));
    for (const w of ready) w.decide(this.own.has(w.batchId));
  }
}

/** This window's own changes. */
export const ownChanges = new OwnChanges();
