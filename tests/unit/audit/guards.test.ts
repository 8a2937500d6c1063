import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../db/audit/append';
import { verifyAuditChain } from '../../../db/audit/verify';
import { migrationsDir } from '../../../db/client/app-root';
import type { OpenedDatabase } from '../../../db/client/open';
import { ADMIN, freshDatabase, T0 } from './fixtures';

let opened: OpenedDatabase | undefined;
afterEach(() => opened?.close());

describe('the audit log migration and its SQL guards', () => {
  it('applies on a fresh file with the table, its indexes and the triggers of the log and its anchors', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    const journal = JSON.parse(readFileSync(join(migrationsDir(), 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    expect(opened.schemaVersion).toBe(journal.entries.length);
    const names = (type: string) =>
      (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = ? ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);
    expect(names('table')).toContain('audit_log');
    expect(names('index')).toEqual(expect.arrayContaining(['audit_log_at_idx', 'audit_log_action_idx', 'audit_log_actor_idx', 'audit_log_target_idx']));
    expect(names('trigger').filter((n) => n.startsWith('audit_'))).toEqual([
      'audit_anchors_no_delete',
      'audit_anchors_no_replace',
      'audit_anchors_no_update',
      'audit_head_forward_only',
      'audit_head_no_delete',
      'audit_head_no_replace',
      'audit_log_no_delete',
      'audit_log_no_replace',
      'audit_log_no_update',
    ]);
    expect(names('trigger')).toContain('requests_follow_building');
  });

  it('refuses UPDATE and DELETE on audit_log through plain SQL', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    for (let i = 0; i < 3; i++) appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', at: T0 + i });
    expect(() => sqlite.prepare(`UPDATE audit_log SET action = 'auth.logout' WHERE seq = 2`).run()).toThrow('audit_log is append-only');
    expect(() => sqlite.prepare('UPDATE audit_log SET at = at').run()).toThrow('audit_log is append-only');
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow('audit_log is append-only');
    expect(() => sqlite.exec('DELETE FROM audit_log')).toThrow('audit_log is append-only');
    // REPLACE would delete the old row without firing DELETE triggers; a BEFORE INSERT trigger catches it.
    expect(() => sqlite.prepare(`INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log WHERE seq = 1`).run()).toThrow('audit_log is append-only');
    expect(() => sqlite.prepare(`REPLACE INTO audit_log SELECT * FROM audit_log WHERE seq = 3`).run()).toThrow('audit_log is append-only');
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 3 });
  });

  it('refuses to remove the anchor or move it backwards, and lets other meta keys be', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', at: T0 });
    appendAudit(sqlite, { actor: ADMIN, action: 'auth.logout', at: T0 + 1 });
    sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('node_id', 'abcdef0123456789')`).run();
    expect(() => sqlite.exec(`DELETE FROM meta WHERE key = 'audit.head'`)).toThrow('audit.head cannot be removed');
    expect(() => sqlite.exec('DELETE FROM meta')).toThrow('audit.head cannot be removed');
    expect(() => sqlite.prepare(`UPDATE meta SET value = ? WHERE key = 'audit.head'`).run(`1:${'a'.repeat(64)}`)).toThrow('only move forward');
    expect(() => sqlite.prepare(`UPDATE meta SET value = 'x' WHERE key = 'audit.head'`).run()).toThrow('only move forward');
    expect(() => sqlite.prepare(`UPDATE meta SET key = 'other' WHERE key = 'audit.head'`).run()).toThrow('only move forward');
    expect(() => sqlite.prepare(`UPDATE OR REPLACE meta SET key = 'audit.head' WHERE key = 'node_id'`).run()).toThrow('only move forward');
    expect(() => sqlite.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('audit.head', ?)`).run(`1:${'a'.repeat(64)}`)).toThrow('cannot be replaced');
    expect(() =>
      sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('audit.head', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(`9:${'a'.repeat(64)}`),
    ).toThrow('cannot be replaced');
    sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('seed.preset', 'small') ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run();
    sqlite.prepare(`UPDATE meta SET value = 'large' WHERE key = 'seed.preset'`).run();
    sqlite.prepare(`DELETE FROM meta WHERE key = 'seed.preset'`).run();
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 2 });
  });
});
