import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { readDb, writeDb } from './support/db';
import { watchErrors } from './support/page-errors';
import { ARTIFACTS } from './support/paths';
import { startServer, type TestServer } from './support/server';
import { openSignedIn } from './support/sign-in';

let server: TestServer;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => server?.stop());

const minutesOf = (db: Parameters<Parameters<typeof readDb>[1]>[0], personId: string) =>
  db.prepare<unknown[], number>('SELECT coalesce(sum(minutes), 0) FROM service_hours WHERE person_id = ? AND deleted = 0').pluck().get(personId)!;

test('a duty officer merges a volunteer registered twice: the other record’s hours and phone go to the one kept', async ({ page }) => {
  const errors = watchErrors(page, { console: false });
  // A volunteer with an ID number, and the same person entered again on the duty roster with another phone and hours of their own.
  const kept = readDb(server, (db) =>
    db
      .prepare<unknown[], { person_id: string; name: string; id_number: string; gender: string }>(
        `SELECT p.id AS person_id, p.name, p.id_number, p.gender FROM volunteer_profiles v JOIN people p ON p.id = v.person_id
         WHERE v.deleted = 0 AND p.deleted = 0 AND p.id_number IS NOT NULL AND EXISTS (SELECT 1 FROM service_hours h WHERE h.person_id = p.id AND h.deleted = 0)
           AND (SELECT count(*) FROM people q WHERE q.name = p.name) = 1
         ORDER BY p.id LIMIT 1`,
      )
      .get()!,
  );
  const other = randomUUID();
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  writeDb(server, (db) => {
    db.prepare(`INSERT INTO people (id, hlc, origin, name, gender, phone, id_number, source, skills) VALUES (?, '0', 'e2e', ?, ?, '13988887777', ?, 'grid_worker', '[]')`).run(other, kept.name, kept.gender, kept.id_number);
    db.prepare(`INSERT INTO service_hours (id, hlc, origin, person_id, activity, date, minutes, confirmed_by, entered_by) VALUES (?, '0', 'e2e', ?, '卡口值守', ?, 150, '社区书记', 'e2e')`).run(randomUUID(), other, day);
  });
  const before = readDb(server, (db) => ({ kept: minutesOf(db, kept.person_id), other: minutesOf(db, other), street: db.prepare('SELECT sum(minutes) FROM service_hours WHERE deleted = 0').pluck().get() as number }));
  expect(before.other).toBe(150);

  await openSignedIn(page, server, 'zhiban');
  await page.getByTestId('nav-volunteers').click();
  await page.getByTestId('volunteers-tab-duplicates').click();
  const pair = page.getByTestId('duplicate-pair').filter({ hasText: '139****7777' });
  await expect(pair).toContainText('身份证号相同');
  await expect(pair).toContainText(kept.name);
  await pair.getByTestId('duplicate-merge').click();
  await expect(page.getByTestId('merge-table')).toBeVisible();
  // The volunteer is kept; the phone of the duty-roster record wins.
  await page.getByTestId('merge-phone-1').click();
  await page.screenshot({ path: join(ARTIFACTS, 'volunteers-merge.png') });
  await page.getByTestId('merge-ok').click();
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByText(/已合并：转移 \d+ 条记录/)).toBeVisible();
  await expect(page.getByTestId('duplicate-pair').filter({ hasText: '139****7777' })).toHaveCount(0);

  const after = readDb(server, (db) => ({
    kept: minutesOf(db, kept.person_id),
    other: minutesOf(db, other),
    street: db.prepare('SELECT sum(minutes) FROM service_hours WHERE deleted = 0').pluck().get() as number,
    retired: db.prepare('SELECT deleted, merged_into FROM people WHERE id = ?').get(other),
    phone: db.prepare('SELECT phone FROM people WHERE id = ?').pluck().get(kept.person_id),
    audit: db.prepare(`SELECT detail FROM audit_log WHERE action = 'volunteers.merge_duplicate'`).pluck().all() as string[],
  }));
  expect(after.kept).toBe(before.kept + 150);
  expect(after.other).toBe(0);
  expect(after.street).toBe(before.street);
  expect(after.retired).toEqual({ deleted: 1, merged_into: kept.person_id });
  expect(after.phone).toBe('13988887777');
  expect(after.audit.map((d) => JSON.parse(d) as { survivorId: string; otherId: string })).toEqual([expect.objectContaining({ survivorId: kept.person_id, otherId: other })]);
  expect(errors).toEqual([]);
});
