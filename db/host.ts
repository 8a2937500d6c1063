import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { openDatabase, type OpenedDatabase } from './client/open';
import type { Actor } from './auth/roles';
import type { EventSink, ServiceContext } from './context';
import { HybridClock } from './sync/hlc';

export const DATABASE_FILE = 'griddesk.db';

export function databaseFile(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}

/** The node id that stamps every change made here; created once per database file. */
export function ensureNodeId(opened: OpenedDatabase): string {
  const row = opened.sqlite.prepare<unknown[], { value: string }>(`SELECT value FROM meta WHERE key = 'node_id'`).get();
  if (row) return row.value;
  const id = randomBytes(8).toString('hex');
  opened.sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('node_id', ?)`).run(id);
  return id;
}

type Listener = (event: string, payload: unknown) => void;

/**
 * One open database and what the services share over it: the clock and the push-event fan-out.
 * The Electron main process and the browser-mode server each hold one.
 */
export class ServiceHost {
  readonly nodeId: string;
  readonly clock: HybridClock;
  private readonly listeners = new Set<Listener>();

  constructor(
    readonly opened: OpenedDatabase,
    private readonly forward?: EventSink,
  ) {
    this.nodeId = ensureNodeId(opened);
    this.clock = new HybridClock(this.nodeId);
  }

  static open(dataDir: string, key?: Buffer, forward?: EventSink): ServiceHost {
    return new ServiceHost(openDatabase({ file: databaseFile(dataDir), ...(key ? { key } : {}) }), forward);
  }

  readonly emit: EventSink = (event, payload) => {
    for (const listener of this.listeners) listener(event, payload);
    this.forward?.(event, payload);
  };

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  context(actor: Actor): ServiceContext {
    return {
      db: this.opened.db,
      sqlite: this.opened.sqlite,
      actor,
      clock: this.clock,
      nodeId: this.nodeId,
      dataDir: dirname(this.opened.file),
      emit: this.emit,
    };
  }

  /** Whether the street office has been created (seeded or imported). */
  hasData(): boolean {
    return !!this.opened.sqlite.prepare('SELECT 1 FROM street_offices LIMIT 1').get();
  }

  close(): void {
    this.listeners.clear();
    this.opened.close();
  }
}
