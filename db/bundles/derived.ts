/**
 * Derived data recomputed after a merge: a bundle carries rows, not the counts other rows keep of
 * them (a round's result counts), so those are counted again here for the rounds it touched.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { screeningRounds } from '../schema';
import { updateDerived } from '../sync/write';
import type { MergePlan } from './merge';

export function recountAfterMerge(sqlite: Database.Database, plan: MergePlan): number {
  const rounds = new Set<string>();
  for (const p of plan.rows) {
    if (p.action === 'unchanged') continue;
    if (p.table === 'screening_rounds') rounds.add(p.row.values.id as string);
    if (p.table === 'screening_visits' && typeof p.row.values.round_id === 'string') rounds.add(p.row.values.round_id);
    if (p.table === 'screening_visits' && p.local && typeof p.local.round_id === 'string') rounds.add(p.local.round_id);
  }
  const count = sqlite.prepare<[string], { visited: number; nobody: number; refused: number }>(
    `SELECT coalesce(sum(result = 'visited'), 0) AS visited, coalesce(sum(result = 'nobody_home'), 0) AS nobody, coalesce(sum(result = 'refused'), 0) AS refused
     FROM screening_visits WHERE round_id = ? AND deleted = 0`,
  );
  const exists = sqlite.prepare<[string], { id: string }>('SELECT id FROM screening_rounds WHERE id = ?');
  let recounted = 0;
  for (const id of rounds) {
    if (!exists.get(id)) continue;
    const c = count.get(id)!;
    updateDerived(sqlite, screeningRounds, id, { visitedCount: c.visited, nobodyHomeCount: c.nobody, refusedCount: c.refused });
    recounted++;
  }
  return recounted;
}
