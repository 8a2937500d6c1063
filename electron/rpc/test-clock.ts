import { readFileSync } from 'node:fs';
import { join } from 'node:path';

declare global {
  /**
   * True only in the bundles `scripts/build-node.mjs` makes for end-to-end tests (`dist/e2e/`);
   * false in every other bundle, where esbuild drops what it guards.
   */
  var __GRIDDESK_TEST_HOOKS__: boolean | undefined;
}

/** The file an end-to-end test writes to move a test build's clock: `{ "offsetMs": 86400000 }`. */
export const TEST_CLOCK_FILE = 'test-clock.json';

/** How far a test has moved the services' clock (0 without the file). */
export function testClockOffset(dataDir: string): number {
  try {
    const { offsetMs } = JSON.parse(readFileSync(join(dataDir, TEST_CLOCK_FILE), 'utf8')) as { offsetMs?: unknown };
    return typeof offsetMs === 'number' && Number.isFinite(offsetMs) ? offsetMs : 0;
  } catch {
    return 0;
  }
}
