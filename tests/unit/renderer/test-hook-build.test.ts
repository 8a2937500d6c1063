import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/tmp';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Builds the renderer in a mode into a temp folder; its JavaScript, file by file. */
async function bundle(mode: string): Promise<Map<string, string>> {
  const outDir = tempDir(`griddesk-renderer-${mode}-`);
  await build({ configFile: join(ROOT, 'vite.config.ts'), mode, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const dir = join(outDir, 'assets');
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

const withHook = (files: Map<string, string>) => [...files].filter(([, js]) => js.includes('__gridDeskMap')).map(([f]) => f);

describe('the map test hook (window.__gridDeskMap)', () => {
  it('is in the build made for the end-to-end tests', async () => {
    expect(withHook(await bundle('e2e'))).toHaveLength(1);
  });

  it('is not in the build for users, nor is any of its code', async () => {
    const files = await bundle('production');
    expect(files.size).toBeGreaterThan(3);
    expect(withHook(files)).toEqual([]);
    for (const js of files.values()) expect(js).not.toContain('visibleCentres');
  });
});
