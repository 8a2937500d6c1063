import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the build's own options, a plain .mjs module
import { esmBundle } from '../../../scripts/node-bundle.mjs';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** The service worker bundled as the build bundles it, with the test hooks defined `hooks`. */
async function workerBundle(hooks: boolean): Promise<string> {
  const out = await build({
    ...(esmBundle as object),
    entryPoints: [join(ROOT, 'electron/host/worker-main.ts')],
    define: { 'globalThis.__GRIDDESK_TEST_HOOKS__': String(hooks) },
    write: false,
    sourcemap: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

describe('the movable clock of the services (test-clock.json)', () => {
  it('is in the server built for the end-to-end tests', async () => {
    expect(await workerBundle(true)).toContain('test-clock.json');
  }, 60_000);

  it('is not in the build for users, nor is the code that reads it', async () => {
    const js = await workerBundle(false);
    expect(js).not.toContain('test-clock.json');
    expect(js).not.toContain('offsetMs');
  }, 60_000);
});
