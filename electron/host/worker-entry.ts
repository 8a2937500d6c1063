import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { WorkerEntry } from '../../db/jobs/thread';

export const WORKER_BUNDLE = 'worker.mjs';

/**
 * The bundled worker next to the running bundle (`dist/node/worker.mjs`); from the TypeScript
 * sources (tests, tsx) the source entry through tsx's loader.
 */
export function defaultWorkerEntry(fromUrl: string = import.meta.url): WorkerEntry {
  const here = dirname(fileURLToPath(fromUrl));
  const bundled = join(here, WORKER_BUNDLE);
  if (existsSync(bundled)) return { file: bundled };
  return { file: join(here, 'worker-main.ts'), execArgv: ['--import', 'tsx'] };
}
