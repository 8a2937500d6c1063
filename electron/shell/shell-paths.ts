import { join } from 'node:path';

export interface ShellPaths {
  /** The folder holding package.json and db/migrations (the repo, or app.asar when packaged). */
  appRoot: string;
  /** The Vite build served over app://. */
  rendererDir: string;
  preload: string;
  /** The bundled demo-data worker (built by scripts/build-node.mjs into dist/node). */
  seedWorker: string;
  /** The bundled worker the services and the heavy jobs run in (off the main process's thread). */
  serviceWorker: string;
}

/** Where the shell's files are, from the folder of the bundled main script (dist/electron). */
export function shellPaths(bundleDir: string): ShellPaths {
  const dist = join(bundleDir, '..');
  return {
    appRoot: join(dist, '..'),
    rendererDir: join(dist, 'renderer'),
    preload: join(bundleDir, 'preload.cjs'),
    seedWorker: join(dist, 'node', 'seed-worker.mjs'),
    serviceWorker: join(dist, 'node', 'worker.mjs'),
  };
}
