import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKnownAction } from '../../../renderer/features/admin/audit-labels';

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
    expect([...written].filter((action) => !isKnownAction(action))).toEqual([]);
  });
});
