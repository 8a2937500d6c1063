import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrationsDir } from '../../../db/client/app-root';
import { applyMigrations, loadMigrations, schemaVersion } from '../../../db/client/migrate';
import { APPLICATION_ID, openDatabase } from '../../../db/client/open';
import { uuidv7 } from '../../../db/sync/ids';
import { insertMiniTerritory } from '../helpers/territory';
import { tempDir } from '../helpers/tmp';

const DAY = 86_400_000;
const T = 1_780_000_000_000;

/** A database as an office has it before the upgrade: migrations up to 0006, needs and incidents in the old tables. */
function officeAt0006(file: string) {
  const sqlite = new Database(file);
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  const migrations = loadMigrations(migrationsDir());
  expect(migrations[7]!.sql.join('\n')).toContain('INSERT INTO `requests`');
  applyMigrations(sqlite, migrations.slice(0, 7), file);
  expect(schemaVersion(sqlite)).toBe(7);
  const territory = insertMiniTerritory(sqlite, 2);
  const [b0, b1] = territory.buildings as [string, string];
  const household = uuidv7();
  sqlite.prepare(`INSERT INTO households (id, hlc, origin, building_id, room, registration) VALUES (?, 'h1', 'office-a', ?, '1单元301', 'registered')`).run(household, b0);
  const need = sqlite.prepare(
    `INSERT INTO building_needs (id, hlc, origin, deleted, building_id, household_id, kind, detail, requested_by, requested_at, assignee, done_at, done_by)
     VALUES (@id, @hlc, 'office-a', @deleted, @building, @household, @kind, @detail, '张大爷（1单元301）', @at, @assignee, @doneAt, @doneBy)`,
  );
  const long = '代购'.repeat(20) + '——米面油各一袋，送到门口放在鞋柜上，打电话告知即可😷';
  const ids = { open: uuidv7(), assigned: uuidv7(), done: uuidv7(), long: uuidv7(), gone: uuidv7(), fixed: uuidv7(), reported: uuidv7() };
  need.run({ id: ids.open, hlc: 'h-open', deleted: 0, building: b0, household, kind: 'medicine', detail: '降压药两盒', at: T, assignee: null, doneAt: null, doneBy: null });
  need.run({ id: ids.assigned, hlc: 'h-assigned', deleted: 0, building: b0, household: null, kind: 'shopping', detail: '代购蔬菜', at: T + 1, assignee: '志愿者小陈', doneAt: null, doneBy: null });
  need.run({ id: ids.done, hlc: 'h-done', deleted: 0, building: b1, household: null, kind: 'other', detail: '代缴电费', at: T - DAY, assignee: '志愿者小陈', doneAt: T - 1000, doneBy: '志愿者小陈' });
  need.run({ id: ids.long, hlc: 'h-long', deleted: 0, building: b1, household: null, kind: 'shopping', detail: long, at: T, assignee: null, doneAt: null, doneBy: null });
  need.run({ id: ids.gone, hlc: 'h-gone', deleted: 1, building: b1, household: null, kind: 'other', detail: '已撤回', at: T, assignee: null, doneAt: null, doneBy: null });
  const incident = sqlite.prepare(
    `INSERT INTO building_incidents (id, hlc, origin, building_id, title, detail, reported_by, reported_at, handler, fixed_at, fix_note)
     VALUES (?, ?, 'office-b', ?, ?, ?, '网格员小王', ?, ?, ?, ?)`,
  );
  incident.run(ids.fixed, 'h-fixed', b0, '楼顶防水层被风掀开', '顶楼渗水', T - 3 * DAY, '物业老陈', T - 2 * DAY, '已重新铺设防水卷材');
  incident.run(ids.reported, 'h-reported', b1, '单元门禁损坏', null, T - 2 * DAY, null, null, null);
  sqlite.close();
  return { ids, b0, b1, household, long, territory };
}

describe('migration 0007_requests', () => {
  it('carries every need and incident into requests, with id, stamp and life, and retires the old tables', () => {
    const file = join(tempDir('griddesk-requests-migration-'), 'griddesk.db');
    const { ids, b0, b1, household, long, territory } = officeAt0006(file);
    const { sqlite } = openDatabase({ file });
    try {
      // Every migration ran: 0007 and those after it.
      expect(schemaVersion(sqlite)).toBeGreaterThanOrEqual(8);
      const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'building_%'`).pluck().all();
      expect(tables).not.toContain('building_needs');
      expect(tables).not.toContain('building_incidents');
      const rows = new Map(
        (sqlite.prepare('SELECT * FROM requests').all() as Record<string, unknown>[]).map((r) => [r.id as string, r]),
      );
      expect(rows.size).toBe(7);
      expect(rows.get(ids.open)).toMatchObject({
        hlc: 'h-open', origin: 'office-a', deleted: 0, building_id: b0, grid_id: territory.grid, community_id: territory.community, household_id: household, kind: 'medicine', title: '降压药两盒', description: null,
        source: 'visit', requester: '张大爷（1单元301）', received_at: T, level: 'community', handler: null, state: 'pending', due_at: T + DAY,
        accepted_at: null, resolved_at: null, escalated_at: null,
      });
      expect(rows.get(ids.assigned)).toMatchObject({ kind: 'shopping', state: 'handling', handler: '志愿者小陈', accepted_at: T + 1, due_at: null });
      expect(rows.get(ids.done)).toMatchObject({ building_id: b1, kind: 'other', state: 'resolved', resolved_at: T - 1000, resolved_by: '志愿者小陈', due_at: null });
      // A title is at most 60 characters as a person counts them; the whole text stays in the description.
      const cut = rows.get(ids.long)!;
      expect([...(cut.title as string)]).toHaveLength(60);
      expect(long.startsWith(cut.title as string)).toBe(true);
      expect(cut.description).toBe(long);
      expect(rows.get(ids.gone)).toMatchObject({ deleted: 1 });
      expect(rows.get(ids.fixed)).toMatchObject({
        hlc: 'h-fixed', origin: 'office-b', kind: 'facility', title: '楼顶防水层被风掀开', description: '顶楼渗水', source: 'photo', reported_by: '网格员小王',
        received_at: T - 3 * DAY, handler: '物业老陈', state: 'resolved', resolved_at: T - 2 * DAY, resolution: '已重新铺设防水卷材',
      });
      expect(rows.get(ids.reported)).toMatchObject({ kind: 'facility', state: 'pending', due_at: T - DAY, handler: null });
    } finally {
      sqlite.close();
    }
  });
});
