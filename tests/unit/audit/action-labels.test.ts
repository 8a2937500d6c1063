import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const ACTION = /'([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)'/g;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(ROOT, dir, f));
}

/** Every audit action the services write as a literal (`action: 'x.y'`, either side of a `?:` or `|`). */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of [...sources('db'), ...sources('electron')]) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/\baction: /.test(line)) continue;
      for (const m of line.matchAll(ACTION)) found.add(m[1]!);
    }
  }
  return found;
}

/** The actions `renderer/features/admin/audit-labels.ts` names (read as text: the renderer is built apart). */
function labelledActions(): Set<string> {
  const text = readFileSync(join(ROOT, 'renderer/features/admin/audit-labels.ts'), 'utf8');
  return new Set([...text.matchAll(/^\s+'([^']+)': 'audit\.action\.\1',$/gm)].map((m) => m[1]!));
}

describe('audit action labels', () => {
  it('names every action the services write, in the audit log’s words', () => {
    const actions = writtenActions();
    expect(actions).toContain('report.export_pdf');
    expect(actions).toContain('screening.visit.correct');
    const labelled = labelledActions();
    expect(labelled).toContain('buildings.export');
    expect([...actions].filter((a) => !labelled.has(a))).toEqual([]);
  });
});
