import { openDatabase } from '../../db/client/open';
import { databaseFile, ensureNodeId } from '../../db/host';
import { seedDatabase, type SeedPreset, type SeedSummary } from '../../db/seed';

export interface SeedRequest {
  dataDir: string;
  preset: SeedPreset;
  seed: number;
  key?: Buffer;
}

export type SeedProgress = { phase: string; done: number; total: number };

/** Opens (creating if needed) the data directory's database and fills it with a demo street office. */
export function runSeed(request: SeedRequest, onProgress?: (p: SeedProgress) => void): SeedSummary {
  const opened = openDatabase({ file: databaseFile(request.dataDir), ...(request.key ? { key: request.key } : {}) });
  try {
    ensureNodeId(opened);
    return seedDatabase(opened.sqlite, { preset: request.preset, seed: request.seed, ...(onProgress ? { onProgress } : {}) });
  } finally {
    opened.close();
  }
}
