import { Vault } from '../../db/auth/vault';
import { SessionManager, DEFAULT_IDLE_MINUTES } from '../../db/auth/sessions';
import { JobManager } from '../../db/jobs/manager';
import { WallPairing } from '../../db/briefing/wall/pairing';
import { WALL_CODE_MAX_OPEN, WALL_CODE_MINUTES } from '../api/wall';
import { addressEvent, SESSION_ENDED } from '../host/audience';
import type { WorkerEntry } from '../../db/jobs/thread';
import { watchEscalations } from './escalation-sweep';
import { watchDatabaseHealth } from './health';
import { testClockOffset } from './test-clock';

type Listener = (event: string, payload: unknown) => void;

/** How a runtime is set up; plain data, so the service worker can be started with it. */
export interface GridRuntimeOptions {
  /** scrypt cost; tests lower it, production keeps the default. */
  kdf?: { N: number; r: number; p: number };
  idleMinutes?: number;
  /** The worker script heavy jobs run in (each on its own thread and connection). */
  worker?: WorkerEntry;
}

/**
 * What one running GridDesk process holds, for either transport: the data directory's vault
 * (encrypted database + key slots), the sessions, the jobs, and the fan-out of push events.
 */
export class GridRuntime {
  readonly vault: Vault;
  readonly sessions: SessionManager;
  readonly jobs: JobManager;
  /** Pairing codes for wall displays (browser mode's `--wall`), in memory only. */
  readonly wall: WallPairing;
  private readonly listeners = new Set<Listener>();
  private readonly stopSweep: () => void;

  constructor(
    readonly dataDir: string,
    readonly options: GridRuntimeOptions & { now?: () => number } = {},
  ) {
    const emit = (event: string, payload: unknown) => this.emit(event, payload);
    this.vault = new Vault(dataDir, { ...(options.kdf ? { kdf: options.kdf } : {}), ...(options.now ? { now: options.now } : {}), emit });
    this.sessions = new SessionManager(options.idleMinutes ?? DEFAULT_IDLE_MINUTES, options.now, (sessionId) =>
      this.emit(SESSION_ENDED, { sessionId }),
    );
    this.jobs = new JobManager(dataDir, emit, options.now);
    this.wall = new WallPairing(() => this.now(), { minutes: WALL_CODE_MINUTES, maxOpen: WALL_CODE_MAX_OPEN });
    watchDatabaseHealth(this);
    this.stopSweep = watchEscalations(this);
  }

  /**
   * The services' clock: what deadlines (the 24-hour / 3-day rule) are measured against. Tests
   * pass `now`; a test build (`globalThis.__GRIDDESK_TEST_HOOKS__` defined true by esbuild) may also be moved by the e2e tests.
   */
  now(): number {
    const base = this.options.now?.() ?? Date.now();
    return globalThis.__GRIDDESK_TEST_HOOKS__ ? base + testClockOffset(this.dataDir) : base;
  }

  emit(event: string, payload: unknown): void {
    const addressed = addressEvent(event, payload, this.vault.host?.opened.sqlite ?? null);
    for (const listener of this.listeners) listener(event, addressed);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.stopSweep();
    this.jobs.cancelAll();
    this.listeners.clear();
    this.vault.close();
  }
}
