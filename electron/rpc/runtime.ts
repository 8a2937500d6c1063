import { Vault, type VaultOptions } from '../../db/auth/vault';
import { SessionManager, DEFAULT_IDLE_MINUTES } from '../../db/auth/sessions';

type Listener = (event: string, payload: unknown) => void;

/**
 * What one running GridDesk process holds, for either transport: the data directory's vault
 * (encrypted database + key slots), the sessions, and the fan-out of push events.
 */
export class GridRuntime {
  readonly vault: Vault;
  readonly sessions: SessionManager;
  private readonly listeners = new Set<Listener>();

  constructor(dataDir: string, options: VaultOptions & { idleMinutes?: number } = {}) {
    this.vault = new Vault(dataDir, { ...options, emit: (event, payload) => this.emit(event, payload) });
    this.sessions = new SessionManager(options.idleMinutes ?? DEFAULT_IDLE_MINUTES, options.now);
  }

  emit(event: string, payload: unknown): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.listeners.clear();
    this.vault.close();
  }
}
