import type { ServiceContext } from '../context';
import { toHalfWidth } from '../validation/half-width';
import type { JobControl } from '../jobs/types';
import type { ColumnMapping } from './mapping';
import { EMPTY_COUNTS } from './runs';
import type { FieldProblem, ImportCounts, Importer, ImportOutcome, RowProblem } from './types';

const CHUNK = 1000;

/** A staged row: its number in the sheet and its cells. */
export interface StagedRow {
  rowNo: number;
  cells: string[];
}

export interface Classified {
  rowNo: number;
  cells: string[];
  outcome: ImportOutcome;
  value: unknown;
  problems: RowProblem[];
}

/** The column a problem is about, by its header (the field's label when it has no column). */
function columnOf(importer: Importer<unknown>, headers: string[], mapping: ColumnMapping, field: string | null): string | null {
  if (field === null) return null;
  const index = mapping[field];
  if (index !== null && index !== undefined) return headers[index] ?? null;
  return importer.fields.find((f) => f.key === field)?.label ?? field;
}

/**
 * Checks and classifies rows with this mapping and hands each, with its outcome, the value to write
 * and the reasons, to `store`; returns the counts. Reads the data, never writes it.
 */
export function classifyRows(
  ctx: ServiceContext,
  importer: Importer<unknown>,
  rows: StagedRow[],
  headers: string[],
  mapping: ColumnMapping,
  job: JobControl,
  store: (row: Classified) => void,
): ImportCounts {  const column = (field: string | null) => columnOf(importer, headers, mapping, field);
  const byField = (cells: string[]) =>
    Object.fromEntries(
      importer.fields.map((f) => {
        const index = mapping[f.key];
        return [f.key, index === null || index === undefined ? undefined : (cells[index] ?? '').trim()];
      }),
    );

  // Values that must be unique within the file: which rows carry each.
  const uniqueFields = importer.fields.filter((f) => f.unique && mapping[f.key] !== null && mapping[f.key] !== undefined);
  const holders = new Map<string, Map<string, number[]>>(uniqueFields.map((f) => [f.key, new Map()]));
  for (const row of rows) {
    const cells = byField(row.cells);
    for (const f of uniqueFields) {
      const v = cells[f.key];
      if (!v) continue;
      const list = holders.get(f.key)!;
      list.set(v, [...(list.get(v) ?? []), row.rowNo]);
    }
  }

  // Groups of fields unique together (name + phone): which rows carry each combination.
  const groups = (importer.uniqueTogether ?? []).filter((g) => g.every((k) => mapping[k] !== null && mapping[k] !== undefined));
  const groupKey = (cells: Record<string, string | undefined>, g: string[]) =>
    g.every((k) => cells[k]) ? g.map((k) => toHalfWidth(cells[k]!).replace(/[\s-]+/g, '')).join('\u0001') : null;
  const together = groups.map(() => new Map<string, number[]>());
  for (const row of rows) {
    const cells = byField(row.cells);
    groups.forEach((g, i) => {
      const key = groupKey(cells, g);
      if (key) together[i]!.set(key, [...(together[i]!.get(key) ?? []), row.rowNo]);
    });
  }
  const label = (k: string) => importer.fields.find((f) => f.key === k)?.label ?? k;

  const counts: ImportCounts = { ...EMPTY_COUNTS };
  rows.forEach((row, i) => {
    const cells = byField(row.cells);
    const problems: FieldProblem[] = [];
    for (const f of uniqueFields) {
      const v = cells[f.key];
      const others = v ? holders.get(f.key)!.get(v)!.filter((n) => n !== row.rowNo) : [];
      if (others.length > 0) problems.push({ field: f.key, reason: `${f.label}「${v}」在第 ${others.join('、')} 行也出现了，同一文件里只能出现一次` });
    }
    groups.forEach((g, gi) => {
      const key = groupKey(cells, g);
      const others = key ? together[gi]!.get(key)!.filter((n) => n !== row.rowNo) : [];
      if (others.length > 0) problems.push({ field: g[0]!, reason: `${g.map(label).join('和')}相同的一行在第 ${others.join('、')} 行也出现了，同一文件里只能出现一次` });
    });
    const empty = importer.fields.filter((f) => f.required && !cells[f.key]).map((f) => ({ field: f.key, reason: `「${f.label}」为空，请填写` }));
    const checked = empty.length > 0 ? { ok: false as const, problems: empty } : importer.check(ctx, cells);
    if (!checked.ok) problems.unshift(...checked.problems);
    let result: Classified;
    if (problems.length > 0 || !checked.ok) {
      result = { ...row, outcome: 'reject', value: null, problems: problems.map((p) => ({ column: column(p.field), reason: p.reason })) };
    } else {
      const match = importer.match(ctx, checked.value);
      result =
        match.outcome === 'conflict'
          ? { ...row, outcome: 'conflict', value: null, problems: match.problems.map((p) => ({ column: column(p.field), reason: p.reason })) }
          : { ...row, outcome: match.outcome, value: match.outcome === 'unchanged' ? null : checked.value, problems: [] };
    }
    counts[result.outcome]++;
    counts.total++;
    store(result);
    if (i % CHUNK === CHUNK - 1) {
      job.throwIfCancelled();
      job.progress('检查数据', i + 1, rows.length);
    }
  });
  job.progress('检查数据', rows.length, rows.length);
  return counts;
}
