import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../db/audit/append';
import { verifyAuditChain } from '../../../db/audit/verify';
import type { OpenedDatabase } from '../../../db/client/open';
import { countRows, insertMiniTerritory } from '../helpers/territory';
import { ADMIN, freshDatabase, STAFF, T0 } from './fixtures';

let opened: OpenedDatabase | undefined;
const extra: Database.Database[] = [];
afterEach(() => {
  for (const c of extra.splice(0)) c.close();
  opened?.close();
});

const head = (sqlite: Database.Database) => sqlite.prepare(`SELECT value FROM meta WHERE key = 'audit.head'`).pluck().get();

describe('appendAudit and transactions', () => {
  it('commits with the change it records, inside the caller’s transaction', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    const t = insertMiniTerritory(sqlite, 2);
    const change = sqlite.transaction((id: string) => {
      sqlite.prepare(`UPDATE buildings SET status = 'sealed' WHERE id = ?`).run(id);
      return appendAudit(sqlite, { actor: STAFF, action: 'buildings.status', target: id, detail: { from: 'controlled', to: 'sealed' } });
    });
    expect(change(t.buildings[0]!)).toMatchObject({ seq: 1 });
    expect(countRows(sqlite, 'audit_log')).toBe(1);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 1 });
  });

  it('leaves no entry, and the anchor where it was, when the caller’s transaction rolls back', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    const t = insertMiniTerritory(sqlite, 1);
    appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', at: T0 });
    const before = head(sqlite);
    const failing = sqlite.transaction(() => {
      sqlite.prepare(`UPDATE buildings SET status = 'sealed' WHERE id = ?`).run(t.buildings[0]);
      appendAudit(sqlite, { actor: STAFF, action: 'buildings.status', target: t.buildings[0], at: T0 + 1 });
      appendAudit(sqlite, { actor: STAFF, action: 'person.reveal', target: 'p-1', at: T0 + 2 });
      throw new Error('the change failed after it was audited');
    });
    expect(() => failing()).toThrow('the change failed');
    expect(countRows(sqlite, 'audit_log')).toBe(1);
    expect(head(sqlite)).toBe(before);
    expect(sqlite.prepare('SELECT status FROM buildings').pluck().get()).toBe('controlled');
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 1 });
    // Nothing was recorded, so the next entry takes the number the rolled-back one had.
    expect(appendAudit(sqlite, { actor: ADMIN, action: 'auth.logout', at: T0 + 3 }).seq).toBe(2);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 2 });
  });

  it('rolls back only the inner part when a nested transaction fails and the outer one goes on', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    sqlite.transaction(() => {
      appendAudit(sqlite, { actor: ADMIN, action: 'bundle.import', target: 'a.gdbundle', at: T0 });
      try {
        sqlite.transaction(() => {
          appendAudit(sqlite, { actor: ADMIN, action: 'bundle.import', target: 'b.gdbundle', at: T0 + 1 });
          throw new Error('bad bundle');
        })();
      } catch {
        // the outer import carries on
      }
      appendAudit(sqlite, { actor: ADMIN, action: 'bundle.import', target: 'c.gdbundle', at: T0 + 2 });
    })();
    expect(sqlite.prepare('SELECT target FROM audit_log ORDER BY seq').pluck().all()).toEqual(['a.gdbundle', 'c.gdbundle']);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: true, entries: 2 });
  });

  it('keeps one chain when two connections to the same file append in turn', () => {
    opened = freshDatabase();
    const a = opened.sqlite;
    const b = new Database(opened.file);
    b.pragma('busy_timeout = 5000');
    extra.push(b);
    for (let i = 0; i < 50; i++) {
      appendAudit(i % 2 ? a : b, { actor: ADMIN, action: 'auth.login', detail: { i }, at: T0 + i });
      if (i % 7 === 0) appendAudit(a, { actor: STAFF, action: 'person.reveal', at: T0 + i });
    }
    expect(verifyAuditChain(a)).toMatchObject({ ok: true, entries: 58 });
    expect(verifyAuditChain(b)).toMatchObject({ ok: true, entries: 58 });
  });

  it('refuses entries it could not hash faithfully, and writes nothing for them', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    expect(() => appendAudit(sqlite, { actor: ADMIN, action: 'Login' })).toThrow(/domain\.verb/);
    expect(() => appendAudit(sqlite, { actor: ADMIN, action: 'auth' })).toThrow(/domain\.verb/);
    expect(() => appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', at: 1.5 })).toThrow(/时间/);
    expect(() => appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', detail: { n: Number.NaN } })).toThrow(TypeError);
    expect(() => appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', detail: { n: 1n } })).toThrow(TypeError);
    expect(() => appendAudit(sqlite, { actor: { ...ADMIN, name: '' }, action: 'auth.login' })).toThrow(/姓名/);
    expect(() => appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', target: '' })).toThrow(/对象/);
    expect(() => appendAudit(sqlite, { actor: ADMIN, action: 'bundle.export', detail: 'x'.repeat(70_000) })).toThrow(/过大/);
    expect(countRows(sqlite, 'audit_log')).toBe(0);
    const ok = appendAudit(sqlite, { actor: ADMIN, action: 'account.create', target: 'liuyang', detail: { role: 'staff', gridIds: [] } });
    expect(ok.seq).toBe(1);
    const at = sqlite.prepare('SELECT at FROM audit_log').pluck().get() as number;
    expect(Math.abs(at - Date.now())).toBeLessThan(5000);
  });
});
