import { appendAudit } from '../audit/append';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { JobControl } from '../jobs/types';
import { readRun, requireOpenRun, requireRun, runData, type ImportRunData } from './runs';
import { reclassify } from './stage';
import { OUTCOME_LABELS, type ImporterOf, type ImportOutcome } from './types';

const CHUNK = 500;

/** Thrown inside the apply transaction when a row no longer does what the preview said. */
class PreviewOutdated extends ServiceError {}

/**
 * Job body of `imports.apply`: writes every row the preview showed as 新增 or 更新, through the
 * importer's own rules, in one transaction with one audit entry. Each row is matched again first;
 * if the data changed since the preview so that a row would now do something else, nothing is
 * written, the preview is brought up to date and the apply is refused. A cancel or any failure
 * rolls the whole transaction back.
 */
export function applyImport(ctx: ServiceContext, importerOf: ImporterOf, input: { id: string }, job: JobControl): ImportRunData {
  const { row, importer } = requireRun(ctx, input.id, importerOf);
  const { sqlite } = ctx;
  if (row.status === 'needs_mapping') throw new ServiceError('INVALID_INPUT', 'import.needsMapping', {}, 'id');
  const rows = sqlite
    .prepare(`SELECT row_no, outcome, value FROM import_rows WHERE run_id = ? AND outcome IN ('create', 'update') ORDER BY row_no`)
    .all(row.id) as { row_no: number; outcome: ImportOutcome; value: string }[];
  try {
    sqlite.transaction(() => {
      // Read again inside the transaction: two applies of one run cannot both pass.
      requireOpenRun(readRun(sqlite, row.id)!);
      rows.forEach((r, i) => {
        const value = JSON.parse(r.value) as unknown;
        const now = importer.match(ctx, value);
        if (now.outcome !== r.outcome) {
          const why = now.outcome === 'conflict' ? now.problems.map((p) => p.reason).join('；') : `现在会是「${OUTCOME_LABELS[now.outcome]}」`;
          throw new PreviewOutdated('CONFLICT', 'import.changedSincePreview', { row: r.row_no, was: OUTCOME_LABELS[r.outcome], now: why }, 'id');
        }
        importer.write(ctx, value);
        if (i % CHUNK === CHUNK - 1) {
          job.throwIfCancelled();
          job.progress('写入', i + 1, rows.length);
        }
      });
      job.throwIfCancelled();
      const counts = JSON.parse(row.counts) as Record<string, number>;
      appendAudit(sqlite, {
        actor: ctx.actor,
        action: 'imports.apply',
        target: row.id,
        detail: { kind: row.kind, file: row.file_name, sheet: row.sheet, counts },
      });
      sqlite.prepare(`UPDATE import_runs SET status = 'applied', applied_by = ?, applied_at = ? WHERE id = ?`).run(ctx.actor.name, Date.now(), row.id);
    })();
  } catch (err) {
    if (err instanceof PreviewOutdated) reclassify(ctx, importer, row.id, job);
    throw err;
  }
  job.progress('写入', rows.length, rows.length);
  if (rows.length > 0) ctx.emit('data.changed', { domains: importer.domains });
  return runData(readRun(sqlite, row.id)!, importer);
}
