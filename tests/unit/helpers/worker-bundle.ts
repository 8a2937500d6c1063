import { buildSync } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerEntry } from '../../../db/jobs/thread';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- plain ESM build script, no types
import { esmBundle } from '../../../scripts/node-bundle.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let built: string | undefined;

/**
 * The worker script (services and job threads) bundled from the current sources, the way the
 * build bundles it: a worker thread then starts in a fraction of the time TypeScript through a
 * loader would take. Built on first use, once per test process.
 */
export const testWorker: WorkerEntry = {
  get file(): string {
    if (built) return built;
    const outdir = join(ROOT, '.tmp', `test-worker-${process.pid}`);
    mkdirSync(outdir, { recursive: true });
    buildSync({ ...(esmBundle as object), entryPoints: { worker: join(ROOT, 'electron/host/worker-main.ts') }, outdir, sourcemap: false, logLevel: 'error' });
    return (built = join(outdir, 'worker.mjs'));
  },
};
