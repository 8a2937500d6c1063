import type { ServiceContext } from '../context';
import type { JobControl } from '../jobs/types';
import type { ColumnMapping } from './mapping';
import { EMPTY_COUNTS } from './runs';
import type { FieldProblem, ImportCounts, Importer, ImportOutcome, RowProblem } from './types';

const CHUNK = 1000;

interface Classified {
  rowNo: number;
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
 * Checks and classifies every staged row of a run with this mapping, and stores the outcome, the
 * value to write and the reasons per row, and the counts on the run. Reads the data; writes only
 * the run's own rows (in the caller's transaction).
 */
export function classifyRun(ctx: ServiceContext, importer: Importer<unknown>, runId: string, headers: string[], mapping: ColumnMapping, job: JobControl): ImportCounts {
  const { sqlite } = ctx;
  const rows = (sqlite.prepare('SELECT row_no, cells FROM import_rows WHERE run_id = ? ORDER BY row_no').all(runId) as { row_no: number; cells: string }[]).map(
    (r) => ({ rowNo: r.row_no, cells: JSON.parse(r.cells) as string[] }),
  );
  const column = (field: string | null) => columnOf(importer, headers, mapping, field);
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

  const counts: ImportCounts = { ...EMPTY_COUNTS };
  const update = sqlite.prepare('UPDATE import_rows SET outcome = ?, value = ?, problems = ? WHERE run_id = ? AND row_no = ?');
  rows.forEach((row, i) => {
    const cells = byField(row.cells);
    const problems: FieldProblem[] = [];
    for (const f of uniqueFields) {
      const v = cells[f.key];
      const others = v ? holders.get(f.key)!.get(v)!.filter((n) => n !== row.rowNo) : [];
      if (others.length > 0) problems.push({ field: f.key, reason: `${f.label}「${v}」在第 ${others.join('、')} 行也出现了，同一文件里只能出现一次` });
    }
    const empty = importer.fields.filter((f) => f.required && !cells[f.key]).map((f) => ({ field: f.key, reason: `「${f.label}」为空，请填写` }));
    const checked = empty.length > 0 ? { ok: false as const, problems: empty } : importer.check(ctx, cells);
    if (!checked.ok) problems.unshift(...checked.problems);
    let result: Classified;
    if (problems.length > 0 || !checked.ok) {
      result = { rowNo: row.rowNo, outcome: 'reject', value: null, problems: problems.map((p) => ({ column: column(p.field), reason: p.reason })) };
    } else {
      const match = importer.match(ctx, checked.value);
      result =
        match.outcome === 'conflict'
          ? { rowNo: row.rowNo, outcome: 'conflict', value: null, problems: match.problems.map((p) => ({ column: column(p.field), reason: p.reason })) }
          : { rowNo: row.rowNo, outcome: match.outcome, value: match.outcome === 'unchanged' ? null : checked.value, problems: [] };
    }
    counts[result.outcome]++;
    counts.total++;
    update.run(result.outcome, result.value === null ? null : JSON.stringify(result.value), JSON.stringify(result.problems), runId, row.rowNo);
    if (i % CHUNK === CHUNK - 1) {
      job.throwIfCancelled();
      job.progress('检查数据', i + 1, rows.length);
    }
  });
  job.progress('检查数据', rows.length, rows.length);
  return counts;
}
