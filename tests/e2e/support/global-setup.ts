import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, E2E_PASSWORD, E2E_TMP, ROOT, TEMPLATE_DIR } from './paths';

/** Seeds the template data dir with the real CLI (the same code `npx griddesk seed` runs). */
export default function globalSetup(): void {
  rmSync(E2E_TMP, { recursive: true, force: true });
  mkdirSync(E2E_TMP, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync(process.execPath, [join(ROOT, 'dist/node/cli.mjs'), 'seed', '--preset', 'small', '--seed', '7', '--data-dir', TEMPLATE_DIR, '--password', E2E_PASSWORD], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
