import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../db/schema';
import { travellingTables } from '../../../db/sync/registry';
import { scanTree, sourceFiles, strayWrites, type Travelling } from './write-scan';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

const travelling: Travelling = {
  names: new Set(travellingTables.map((t) => t.name)),
  keys: new Set(Object.entries(schema).flatMap(([key, value]) => (travellingTables.some((t) => t.table === value) ? [key] : []))),
};

describe('writes of travelling tables', () => {
  it('go through db/sync everywhere in db/ and electron/', () => {
    const files = sourceFiles(ROOT, ['db', 'electron'], ['db/sync']);
    expect(files).toContain('db/seed/writer.ts');
    expect(files).toContain('db/buildings/status/apply.ts');
    const stray = scanTree(ROOT, ['db', 'electron'], ['db/sync'], travelling);
    expect(stray.map((w) => `${w.file}:${w.line} ${w.table}: ${w.text}`)).toEqual([]);
  });

  it('are found in SQL of any spelling, in drizzle calls and behind template parts', () => {
    const source = [
      "const T = 'meta';",
      "const LIST = 'buildings';",
      "db.prepare('UPDATE buildings SET status = ? WHERE id = ?');",
      'db.exec(`INSERT OR REPLACE INTO "residents" (id) VALUES (1)`);',
      "db.exec('delete from households');",
      "db.exec('REPLACE INTO zones VALUES (1)');",
      'db.update(schema.requestEvents).set({});',
      'db.insert(people).values({});',
      'db.prepare(`UPDATE ${table} SET x = 1`);',
      'db.prepare(`INSERT INTO ${LIST} (id) VALUES (?)`);',
      'db.prepare(`INSERT INTO ${T} (key) VALUES (?)`);',
      "db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');",
      "db.prepare('UPDATE accounts SET disabled = 1');",
      'hash.update(text); sessions.delete(id);',
      '// Update the buildings list once the page is shown',
    ].join('\n');
    const found = strayWrites('sample.ts', source, travelling).map((w) => `${w.line} ${w.table}`);
    expect(found).toEqual(['3 buildings', '4 residents', '5 households', '6 zones', '7 requestEvents', '8 people', '9 ${table}', '10 buildings']);
  });
});
