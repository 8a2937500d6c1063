import type { ServiceContext } from '../context';
import { cachedStatement } from '../sync/statements';

const REFERENCING = `SELECT r.file_name AS file, w.row_no AS row FROM import_rows w JOIN import_runs r ON r.id = w.run_id
  WHERE r.kind = 'volunteers' AND r.status = 'ready' AND w.outcome IN ('update', 'unchanged')
    AND ((@id IS NOT NULL AND json_extract(w.value, '$.idNumber') = @id) OR (json_extract(w.value, '$.name') = @name AND json_extract(w.value, '$.phone') = @phone))
  ORDER BY r.created_at, w.row_no LIMIT 1`;

/**
 * The first row of a staged, not yet applied, volunteer import that would write to this person (found
 * by their ID number, or name and phone): merging under it would leave that import aimed at a record
 * about to be retired, or two imports aimed at one person through two records.
 */
export function pendingImportReference(ctx: ServiceContext, person: { id_number: string | null; name: string; phone: string }): { file: string; row: number } | null {
  return (cachedStatement(ctx.sqlite, REFERENCING).get({ id: person.id_number || null, name: person.name, phone: person.phone }) as { file: string; row: number } | undefined) ?? null;
}
