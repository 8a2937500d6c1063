import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A statement in the source that writes a travelling table without `db/sync/write.ts`. */
export interface StrayWrite {
  file: string;
  line: number;
  table: string;
  text: string;
}

export interface Travelling {
  /** SQL names: `requests`. */
  names: ReadonlySet<string>;
  /** drizzle export names: `requestEvents`. */
  keys: ReadonlySet<string>;
}

/** `INSERT [OR …] INTO t`, `REPLACE INTO t`, `UPDATE [OR …] t`, `DELETE FROM t`; t quoted or not, or a `${…}` template part. */
const SQL_WRITE = /\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+[`"[]?(\$\{\s*[\w$.]+\s*\}|[A-Za-z_]\w*)/gi;
/** drizzle's `.insert(t)`, `.update(t)`, `.delete(t)`, also through a namespace (`schema.t`). */
const DRIZZLE_WRITE = /\.(?:insert|update|delete)\(\s*(?:\w+\.)?([A-Za-z_$][\w$]*)\s*\)/g;

/** The literal value of `const NAME = '…'` in the same source, if there is one. */
function constantOf(source: string, name: string): string | undefined {
  return new RegExp(`\\bconst\\s+${name.replace(/\$/g, '\\$')}\\s*(?::[^=]+)?=\\s*['"\`]([A-Za-z_]\\w*)['"\`]`).exec(source)?.[1];
}

/**
 * The writes of travelling tables in one source text. A table named by a template part counts
 * unless it is a constant of the same file naming a table that does not travel.
 */
export function strayWrites(file: string, source: string, travelling: Travelling): StrayWrite[] {
  const found: StrayWrite[] = [];
  const lineAt = (index: number) => source.slice(0, index).split('\n').length;
  const add = (index: number, table: string) => {
    const line = lineAt(index);
    found.push({ file, line, table, text: source.split('\n')[line - 1]!.trim() });
  };
  for (const m of source.matchAll(SQL_WRITE)) {
    const target = m[1]!;
    if (target.startsWith('${')) {
      const name = target.slice(2, -1).trim();
      const constant = /^[\w$]+$/.test(name) ? constantOf(source, name) : undefined;
      if (constant === undefined || travelling.names.has(constant)) add(m.index, constant ?? target);
    } else if (travelling.names.has(target)) add(m.index, target);
  }
  for (const m of source.matchAll(DRIZZLE_WRITE)) if (travelling.keys.has(m[1]!)) add(m.index, m[1]!);
  return found.sort((a, b) => a.line - b.line);
}

/** Every TypeScript and JavaScript source under `dirs` (relative to `root`), except under `skip`. */
export function sourceFiles(root: string, dirs: string[], skip: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (skip.some((s) => rel === s || rel.startsWith(`${s}/`))) continue;
      if (entry.isDirectory()) walk(rel);
      else if (/\.(?:[cm]?ts|[cm]?js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const dir of dirs) walk(dir);
  return out;
}

export function scanTree(root: string, dirs: string[], skip: string[], travelling: Travelling): StrayWrite[] {
  return sourceFiles(root, dirs, skip).flatMap((file) => strayWrites(relative(root, join(root, file)), readFileSync(join(root, file), 'utf8'), travelling));
}
