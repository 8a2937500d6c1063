import type Database from 'better-sqlite3-multiple-ciphers';
import { gridLabelSql } from '../../messages';
import type { DailyReport } from '../../electron/api/report';

/** The street office the database belongs to. */
export function officeOf(sqlite: Database.Database): DailyReport['office'] {
  return (
    sqlite.prepare<unknown[], DailyReport['office']>('SELECT name, city, district FROM street_offices WHERE deleted = 0 ORDER BY code LIMIT 1').get() ?? {
      name: '',
      city: '',
      district: '',
    }
  );
}

/** 「永安西里社区 · 第1网格」 for each grid of a grid worker's scope, in code order. */
export function gridNames(sqlite: Database.Database, grids: readonly string[]): string[] {
  return sqlite
    .prepare<unknown[], string>(
      `SELECT ${gridLabelSql('c.name', 'g.name')} FROM grids g JOIN communities c ON c.id = g.community_id
        WHERE g.id IN (SELECT value FROM json_each(?)) AND g.deleted = 0 ORDER BY g.code`,
    )
    .pluck()
    .all(JSON.stringify(grids));
}
