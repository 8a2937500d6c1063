import type { Actor } from '../../../../db/auth/roles';

/** What one writer thread does: open the encrypted file, wait for the others, then change one building's status again and again. */
export interface WriterTask {
  file: string;
  keyHex: string;
  actor: Actor;
  buildingId: string;
  /** Each change has its own end date, so every one of them is a real change. */
  changes: { status: string; reason: string; effectiveUntil: number }[];
  /** Int32 slots shared by the writers, see `SLOTS`. */
  shared: SharedArrayBuffer;
  parties: number;
}

/**
 * The shared Int32 slots: writers at the start line, writers that have sent their first change,
 * whether one already held its first transaction open, and one never set (to sleep on).
 */
export const SLOTS = { arrived: 0, calling: 1, held: 2, pause: 3 } as const;
export const SHARED_BYTES = 4 * Int32Array.BYTES_PER_ELEMENT;

export type WriterOutcome = { ok: true; batchIds: string[] } | { ok: false; code: string | undefined; message: string };
