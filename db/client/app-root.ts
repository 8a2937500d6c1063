import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding GridDesk's package.json: the repo in development, the bundle's root when
 * built, the asar root when packaged. Shipped files (migrations) are found relative to it.
 */
export function appRoot(): string {
  if (cached) return cached;
  const fromEnv = process.env.GRIDDESK_APP_ROOT;
  if (fromEnv) return (cached = fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'griddesk') return (cached = dir);
      } catch {
        /* not ours; keep walking */
      }
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('找不到 GridDesk 的安装目录（package.json）');
    dir = up;
  }
}

export function migrationsDir(): string {
  return join(appRoot(), 'db', 'migrations');
}
