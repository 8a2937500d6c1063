import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../db/audit/append';
import { auditActions, queryAudit, type AuditEntry } from '../../../db/audit/query';
import { checkAuditChain, listAuditLog } from '../../../db/audit/service';
import type { OpenedDatabase } from '../../../db/client/open';
import type { ServiceContext } from '../../../db/context';
import type { Actor } from '../../../db/auth/roles';
import { HybridClock } from '../../../db/sync/hlc';
import { ADMIN, freshDatabase, STAFF, T0, WORKER } from './fixtures';

let opened: OpenedDatabase | undefined;
afterEach(() => opened?.close());

const HOUR = 3_600_000;
const ACTIONS = ['auth.login', 'auth.login_failed', 'person.reveal', 'buildings.status', 'bundle.export', 'account.create'];
const ACTORS = [ADMIN, STAFF, WORKER];

/** 300 entries, one an hour: action i % 6, actor i % 3, target `b-${i % 10}`. */
function populated(): OpenedDatabase {
  opened = freshDatabase();
  const { sqlite } = opened;
  sqlite.transaction(() => {
    for (let i = 0; i < 300; i++) {
      appendAudit(sqlite, { actor: ACTORS[i % 3]!, action: ACTIONS[i % 6]!, target: `b-${i % 10}`, detail: { i }, at: T0 + i * HOUR });
    }
  })();
  return opened;
}

const seqs = (entries: AuditEntry[]) => entries.map((e) => e.seq);

describe('queryAudit', () => {
  it('returns the newest first, with the detail parsed, and pages by seq to the end', () => {
    const { sqlite } = populated();
    const first = queryAudit(sqlite, { limit: 100 });
    expect(first.entries).toHaveLength(100);
    expect(first.entries[0]).toMatchObject({
      seq: 300,
      at: T0 + 299 * HOUR,
      actorId: WORKER.id,
      actorName: '王芳',
      actorRole: 'grid_worker',
      action: 'account.create',
      target: 'b-9',
      detail: { i: 299 },
    });
    expect(first.entries[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.nextBeforeSeq).toBe(201);
    // An entry appended while someone pages does not shift the next page.
    appendAudit(sqlite, { actor: ADMIN, action: 'auth.logout', at: T0 + 400 * HOUR });
    const all = [...first.entries];
    let before: number | null = first.nextBeforeSeq;
    while (before !== null) {
      const page = queryAudit(sqlite, { limit: 100, beforeSeq: before });
      all.push(...page.entries);
      before = page.nextBeforeSeq;
    }
    expect(seqs(all)).toEqual(Array.from({ length: 300 }, (_, i) => 300 - i));
  });

  it('says there is no next page when the last page is exactly full', () => {
    const { sqlite } = populated();
    const page = queryAudit(sqlite, { limit: 50, beforeSeq: 51 });
    expect(page.entries).toHaveLength(50);
    expect(page.nextBeforeSeq).toBeNull();
  });

  it('filters by time (from inclusive, to exclusive), actor, action prefix and target, combined', () => {
    const { sqlite } = populated();
    const day = queryAudit(sqlite, { from: T0 + 24 * HOUR, to: T0 + 48 * HOUR, limit: 500 });
    expect(seqs(day.entries)).toEqual(Array.from({ length: 24 }, (_, i) => 48 - i));

    const staff = queryAudit(sqlite, { actorId: STAFF.id, limit: 500 });
    expect(staff.entries).toHaveLength(100);
    expect(staff.entries.every((e) => e.actorId === STAFF.id)).toBe(true);

    const auth = queryAudit(sqlite, { action: 'auth', limit: 500 });
    expect(new Set(auth.entries.map((e) => e.action))).toEqual(new Set(['auth.login', 'auth.login_failed']));
    expect(auth.entries).toHaveLength(100);
    expect(queryAudit(sqlite, { action: 'auth.login_failed', limit: 500 }).entries).toHaveLength(50);
    expect(queryAudit(sqlite, { action: 'AUTH', limit: 500 }).entries).toHaveLength(0);
    expect(queryAudit(sqlite, { action: 'auth%', limit: 500 }).entries).toHaveLength(0);

    const reveals = queryAudit(sqlite, { action: 'person.reveal', target: 'b-2', limit: 500 });
    // i % 6 === 2 and i % 10 === 2: i = 2, 32, 62, …
    expect(seqs(reveals.entries)).toEqual(Array.from({ length: 10 }, (_, k) => 300 - 30 * k - 27));

    const combined = queryAudit(sqlite, { actorId: STAFF.id, action: 'auth', from: T0 + 100 * HOUR, limit: 3 });
    // Staff write entries i % 3 === 1, so among auth.* only auth.login_failed (i % 6 === 1).
    expect(combined.entries.map((e) => [e.seq, e.actorId, e.action])).toEqual([
      [296, STAFF.id, 'auth.login_failed'],
      [290, STAFF.id, 'auth.login_failed'],
      [284, STAFF.id, 'auth.login_failed'],
    ]);
    expect(combined.nextBeforeSeq).toBe(combined.entries[2]!.seq);
    const rest = queryAudit(sqlite, { actorId: STAFF.id, action: 'auth', from: T0 + 100 * HOUR, limit: 500, beforeSeq: combined.nextBeforeSeq! });
    expect(rest.entries.every((e) => e.at >= T0 + 100 * HOUR && e.seq < combined.nextBeforeSeq!)).toBe(true);
    expect(combined.entries.length + rest.entries.length).toBe(queryAudit(sqlite, { actorId: STAFF.id, action: 'auth', from: T0 + 100 * HOUR, limit: 500 }).entries.length);
  });

  it('gives the same answers whichever way a time range is read (wide and recent, narrow, in the past)', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    const MIN = 60_000;
    // 7000 entries a minute apart, plus late entries stamped in the past (failed sign-ins
    // written when the database is unlocked), so `at` is not in seq order.
    sqlite.transaction(() => {
      for (let i = 0; i < 7000; i++) appendAudit(sqlite, { actor: ACTORS[i % 3]!, action: ACTIONS[i % 6]!, at: T0 + i * MIN });
      for (let k = 0; k < 5; k++) appendAudit(sqlite, { actor: ADMIN, action: 'auth.login_failed', at: T0 + (1000 + k) * MIN });
    })();
    const all = sqlite.prepare('SELECT seq, at, actor_id, action FROM audit_log ORDER BY seq DESC').all() as {
      seq: number;
      at: number;
      actor_id: string;
      action: string;
    }[];
    const cases: { from?: number; to?: number; actorId?: string; action?: string }[] = [
      { from: T0 },
      { from: T0 + 500 * MIN },
      { from: T0 + 6990 * MIN },
      { from: T0 + 7000 * MIN },
      { from: T0 + 999 * MIN, to: T0 + 1003 * MIN },
      { from: T0 + 100 * MIN, to: T0 + 6500 * MIN },
      { to: T0 + 1002 * MIN },
      { from: T0 + 900 * MIN, action: 'auth' },
      { from: T0 + 2000 * MIN, actorId: STAFF.id, action: 'person' },
    ];
    for (const q of cases) {
      const expected = all
        .filter((r) => (q.from === undefined || r.at >= q.from) && (q.to === undefined || r.at < q.to))
        .filter((r) => (q.actorId === undefined || r.actor_id === q.actorId) && (q.action === undefined || r.action.startsWith(q.action)))
        .map((r) => r.seq);
      const got: number[] = [];
      let before: number | undefined;
      for (;;) {
        const page = queryAudit(sqlite, { ...q, limit: 500, ...(before ? { beforeSeq: before } : {}) });
        got.push(...seqs(page.entries));
        if (page.nextBeforeSeq === null) break;
        before = page.nextBeforeSeq;
      }
      expect(got, JSON.stringify(q)).toEqual(expected);
    }
  });

  it('refuses a page size over 500 and malformed numbers', () => {
    const { sqlite } = populated();
    expect(() => queryAudit(sqlite, { limit: 501 })).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT', field: 'limit' }));
    expect(() => queryAudit(sqlite, { limit: 0 })).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => queryAudit(sqlite, { limit: 10, beforeSeq: 0 })).toThrowError(expect.objectContaining({ field: 'beforeSeq' }));
    expect(() => queryAudit(sqlite, { limit: 10, from: Number.NaN })).toThrowError(expect.objectContaining({ field: 'from' }));
    expect(queryAudit(sqlite, { limit: 500 }).entries).toHaveLength(300);
  });

  it('lists the distinct actions, sorted', () => {
    const { sqlite } = populated();
    expect(auditActions(sqlite)).toEqual([...ACTIONS].sort());
  });
});

describe('the audit services', () => {
  const ctx = (actor: Actor): ServiceContext => ({
    db: opened!.db,
    sqlite: opened!.sqlite,
    actor,
    clock: new HybridClock('test'),
    nodeId: 'test',
    dataDir: dirname(opened!.file),
    emit: () => {},
  });

  it('let administrators read and check the log, and nobody else', () => {
    populated();
    expect(listAuditLog(ctx(ADMIN), { limit: 5 }).entries).toHaveLength(5);
    expect(checkAuditChain(ctx(ADMIN))).toMatchObject({ ok: true, entries: 300 });
    for (const actor of [STAFF, WORKER]) {
      expect(() => listAuditLog(ctx(actor), { limit: 5 })).toThrowError(expect.objectContaining({ code: 'FORBIDDEN' }));
      expect(() => checkAuditChain(ctx(actor))).toThrowError(expect.objectContaining({ code: 'FORBIDDEN' }));
    }
  });
});
