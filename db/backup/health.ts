import type { DatabaseHealth } from '../../electron/api/backups';
import { newestGoodBackup } from './startup-check';
import { entry } from './vault-ops';

/**
 * What the integrity checks of the open database found, as the administrators' banner shows it.
 * Every change goes to `onChange` (the runtime pushes it as `database.health`).
 */
export class HealthBook {
  private current: DatabaseHealth = { state: 'unchecked', checkedAt: null, problems: [], newestGoodBackup: null };
  onChange: ((health: DatabaseHealth) => void) | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly now: () => number = Date.now,
  ) {}

  get(): DatabaseHealth {
    return { ...this.current, problems: [...this.current.problems] };
  }

  get damaged(): boolean {
    return this.current.state === 'damaged';
  }

  /** A database was (re)opened: nothing is known about it yet. */
  reset(): void {
    this.set({ state: 'unchecked', checkedAt: null, problems: [], newestGoodBackup: null });
  }

  checking(): void {
    this.set({ ...this.current, state: 'checking' });
  }

  passed(): void {
    this.set({ state: 'ok', checkedAt: this.now(), problems: [], newestGoodBackup: null });
  }

  /** Damage found: names the newest backup that opens with the key and passes its own check. */
  found(problems: string[], key: Buffer | undefined): void {
    const good = newestGoodBackup(this.dataDir, key);
    this.set({ state: 'damaged', checkedAt: this.now(), problems, newestGoodBackup: good ? entry(good, true) : null });
  }

  private set(next: DatabaseHealth): void {
    this.current = next;
    this.onChange?.(this.get());
  }
}
