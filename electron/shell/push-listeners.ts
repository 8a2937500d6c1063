type Listener = (payload: unknown) => void;

/**
 * The renderer-side fan-out of push events: one IPC listener for the whole page, dispatching by
 * event name to the subscribers (so many subscriptions never pile up IPC listeners). A listener
 * that throws does not stop the others.
 */
export class PushListeners {
  private readonly byEvent = new Map<string, Set<Listener>>();

  get size(): number {
    let n = 0;
    for (const set of this.byEvent.values()) n += set.size;
    return n;
  }

  add(event: string, listener: Listener): () => void {
    let set = this.byEvent.get(event);
    if (!set) this.byEvent.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byEvent.get(event) === set) this.byEvent.delete(event);
    };
  }

  emit(event: unknown, payload: unknown): void {
    if (typeof event !== 'string') return;
    for (const listener of [...(this.byEvent.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (err) {
        console.error(`[events] listener of ${event} failed:`, err);
      }
    }
  }
}
