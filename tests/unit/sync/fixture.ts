import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../../db/client/open';
import { HybridClock } from '../../../db/sync/hlc';
import type { Stamping } from '../../../db/sync/write';
import { tempDir } from '../helpers/tmp';

/** A migrated database and a stamping context whose clock reads `wall` (move it to step time on). */
export interface SyncBench extends Stamping {
  opened: OpenedDatabase;
  wall: { now: number };
}

export function openSyncBench(nodeId = 'a1b2c3d4e5f60718'): SyncBench {
  const opened = openDatabase({ file: join(tempDir('griddesk-sync-'), 'griddesk.db') });
  const wall = { now: 1_790_000_000_000 };
  return { opened, wall, sqlite: opened.sqlite, nodeId, clock: new HybridClock(nodeId, () => wall.now) };
}

/** A person row's own values (people has no parent rows). */
export const person = (name: string) => ({ name, gender: 'female' as const, phone: '13800000000', source: 'resident' as const });
