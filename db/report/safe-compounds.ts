import type Database from 'better-sqlite3-multiple-ciphers';
import type { ReportSafeCompounds } from '../../electron/api/report';
import type { ReportDay } from './day';

/** 放心楼院 in the scope holding the designation at the end of the day, and the day's grants and revocations. */
export function safeCompoundFigures(sqlite: Database.Database, scope: string | null, day: ReportDay): ReportSafeCompounds {
  return sqlite
    .prepare<unknown[], ReportSafeCompounds>(
      `SELECT count(*) FILTER (WHERE s.granted_at <= @asOf AND (s.revoked_at IS NULL OR s.revoked_at > @asOf)) AS total,
              count(*) FILTER (WHERE s.granted_at >= @from AND s.granted_at <= @asOf) AS grantedToday,
              count(*) FILTER (WHERE s.revoked_at >= @from AND s.revoked_at <= @asOf) AS revokedToday
         FROM safe_compounds s JOIN compounds c ON c.id = s.compound_id
        WHERE s.deleted = 0 AND c.deleted = 0 AND (@scope IS NULL OR c.grid_id IN (SELECT value FROM json_each(@scope)))`,
    )
    .get({ from: day.from, asOf: day.asOf, scope })!;
}
