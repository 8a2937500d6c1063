import type { MapChanges, MapDelta, MapLayers } from '../../../electron/api';
import { applyStatusChanges } from './map-delta';

/** Where a window keeps its map data, and how it asks the service for more. */
export interface MapStore {
  /** The map data this window has, if it has loaded. */
  read(): MapLayers | undefined;
  write(next: MapLayers): void;
  /** Loads the whole map again (once, however often asked while loading). */
  reload(): void;
  /** `map.changesSince`. */
  since(revision: number): Promise<MapChanges>;
}

/**
 * Keeps a window's map at the service's map revision. A pushed change that is the next revision
 * is applied as it comes; one further ahead means changes were missed (a dropped event stream, a
 * sleeping computer), and the window asks for everything changed since its revision, or reloads
 * the map when the service says that is needed.
 */
export class MapSync {
  /** The highest revision announced to this window. */
  private announced = 0;
  private catching: Promise<void> | null = null;

  constructor(private readonly store: MapStore) {}

  /** A pushed change. Returns how many buildings it recoloured here (0 when caught up instead or already applied). */
  receive(delta: MapDelta): number {
    this.announced = Math.max(this.announced, delta.revision);
    const map = this.store.read();
    // Not loaded yet: the load reports its revision and `loaded` catches up from there.
    if (!map || this.catching) return 0;
    if (delta.revision <= map.revision) return 0;
    if (delta.revision !== map.revision + 1) {
      void this.catchUp();
      return 0;
    }
    const { layers, changed } = applyStatusChanges(map, delta.statuses, delta.revision);
    this.store.write(layers);
    return changed;
  }

  /** The map data was (re)loaded: catch up if changes were announced beyond it meanwhile. */
  loaded(): void {
    const map = this.store.read();
    if (map && this.announced > map.revision) void this.catchUp();
  }

  /** Asks for the changes since this window's revision and applies them (or reloads the map). */
  catchUp(): Promise<void> {
    this.catching ??= this.fetchMissed().finally(() => {
      this.catching = null;
    });
    return this.catching;
  }

  private async fetchMissed(): Promise<void> {
    for (;;) {
      const map = this.store.read();
      if (!map) return;
      let answer: MapChanges;
      try {
        answer = await this.store.since(map.revision);
      } catch {
        this.store.reload();
        return;
      }
      if (answer.statuses === null) {
        this.store.reload();
        return;
      }
      const now = this.store.read();
      // Reloaded meanwhile: start again from what was loaded.
      if (now !== map) continue;
      if (answer.revision > map.revision) this.store.write(applyStatusChanges(map, answer.statuses, answer.revision).layers);
      if (this.announced <= answer.revision) return;
    }
  }
}
