import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every `.ts` file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('audit actions', () => {
  it('has words in the audit viewer for every action the services write', () => {
    const written = new Set<string>();
    for (const file of [...sources('db'), ...sources('electron/rpc'), ...sources('electron/seed')]) {
      for (const match of readFileSync(file, 'utf8').matchAll(/action: '([a-z_]+(?:\.[a-z_]+)+)'/g)) written.add(match[1]!);
    }
    expect(written.size).toBeGreaterThan(15);
    // The viewer's labels, read as text: the renderer's modules are built for the browser.
    const labels = readFileSync('renderer/features/admin/audit-labels.ts', 'utf8');
    const known = new Set([...labels.matchAll(/^ {2}'([a-z_.]+)': 'audit\.action\./gm)].map((m) => m[1]!));
    expect(known.size).toBeGreaterThan(15);
    expect([...written].filter((action) => !known.has(action))).toEqual([]);
  });
});
