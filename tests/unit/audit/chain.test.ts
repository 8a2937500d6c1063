import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../db/audit/append';
import { entryHash, GENESIS_HASH, type ChainedFields } from '../../../db/audit/hash';
import { verifyAuditChain } from '../../../db/audit/verify';
import type { OpenedDatabase } from '../../../db/client/open';
import { ADMIN, freshDatabase, STAFF, T0 } from './fixtures';

let opened: OpenedDatabase | undefined;
afterEach(() => opened?.close());

function withEntries(n: number): OpenedDatabase {
  opened = freshDatabase();
  const { sqlite } = opened;
  sqlite.transaction(() => {
    for (let i = 1; i <= n; i++) {
      appendAudit(sqlite, {
        actor: i % 3 ? ADMIN : STAFF,
        action: i % 2 ? 'buildings.status' : 'person.reveal',
        target: `b-${i}`,
        detail: { to: 'sealed', n: i },
        at: T0 + i * 1000,
      });
    }
  })();
  return opened;
}

/** What an attacker holding the file does first: drop the triggers that guard the table. */
function dropGuards(sqlite: OpenedDatabase['sqlite']): void {
  const triggers = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).pluck().all() as string[];
  for (const name of triggers) sqlite.exec(`DROP TRIGGER ${name}`);
}

/** What a careful attacker does after editing a row: recompute its hash. */
const rehash = (row: Record<string, unknown>) => entryHash(row as unknown as ChainedFields);

const headValue = (sqlite: OpenedDatabase['sqlite']) =>
  (sqlite.prepare(`SELECT value FROM meta WHERE key = 'audit.head'`).get() as { value: string } | undefined)?.value;

describe('the audit chain', () => {
  it('an empty log verifies, with the genesis head', () => {
    opened = freshDatabase();
    expect(verifyAuditChain(opened.sqlite)).toEqual({ ok: true, entries: 0, head: `0:${GENESIS_HASH}`, restores: [] });
  });

  it('hashes exactly the documented canonical envelope, chained from 64 zeros', () => {
    opened = freshDatabase();
    const { sqlite } = opened;
    const first = appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', target: 'zhangwei', at: T0 });
    const second = appendAudit(sqlite, { actor: ADMIN, action: 'person.reveal', target: 'p-1', detail: { field: 'phone', b: [1, 'é'] }, at: T0 + 5 });
    const envelope1 =
      `{"action":"auth.login","actor_id":"${ADMIN.id}","actor_name":"张伟","actor_role":"admin","at":${T0},` +
      `"detail":null,"prev_hash":"${'0'.repeat(64)}","seq":1,"target":"zhangwei"}`;
    expect(first).toEqual({ seq: 1, hash: createHash('sha256').update(envelope1, 'utf8').digest('hex') });
    const envelope2 =
      `{"action":"person.reveal","actor_id":"${ADMIN.id}","actor_name":"张伟","actor_role":"admin","at":${T0 + 5},` +
      `"detail":"{\\"b\\":[1,\\"é\\"],\\"field\\":\\"phone\\"}","prev_hash":"${first.hash}","seq":2,"target":"p-1"}`;
    expect(second).toEqual({ seq: 2, hash: createHash('sha256').update(envelope2, 'utf8').digest('hex') });
    const row = sqlite.prepare('SELECT detail, prev_hash FROM audit_log WHERE seq = 2').get();
    expect(row).toEqual({ detail: '{"b":[1,"é"],"field":"phone"}', prev_hash: first.hash });
    expect(headValue(sqlite)).toBe(`2:${second.hash}`);
    expect(verifyAuditChain(sqlite)).toEqual({ ok: true, entries: 2, head: `2:${second.hash}`, restores: [] });
  });

  it('verifies 1000 appended entries', () => {
    const { sqlite } = withEntries(1000);
    const result = verifyAuditChain(sqlite);
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(1000);
    expect(result.ok && result.head).toBe(headValue(sqlite));
    expect(result.ok && result.head.startsWith('1000:')).toBe(true);
  });

  it('names the entry whose detail was edited in the file', () => {
    const { sqlite } = withEntries(1000);
    dropGuards(sqlite);
    sqlite.prepare('UPDATE audit_log SET detail = ? WHERE seq = 437').run('{"n":437,"to":"normal"}');
    expect(verifyAuditChain(sqlite)).toEqual({
      ok: false,
      restores: [],
      entries: 436,
      firstBad: { seq: 437, problem: 'altered', message: '第 437 条审计记录被修改（内容与其哈希不符）' },
    });
  });

  it('notices a value stored as a blob with the same bytes, where text belongs', () => {
    const { sqlite } = withEntries(20);
    dropGuards(sqlite);
    sqlite.prepare('UPDATE audit_log SET target = CAST(target AS BLOB) WHERE seq = 7').run();
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, entries: 6, firstBad: { seq: 7, problem: 'altered' } });
  });

  it('catches an edited entry whose hash was recomputed, at the link to the next one', () => {
    const { sqlite } = withEntries(50);
    dropGuards(sqlite);
    const row = sqlite.prepare('SELECT * FROM audit_log WHERE seq = 20').get() as Record<string, string | number | null>;
    const forged = { ...row, detail: '{"n":20,"to":"normal"}' };
    sqlite.prepare('UPDATE audit_log SET detail = ?, hash = ? WHERE seq = 20').run(forged.detail, rehash(forged));
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, entries: 20, firstBad: { seq: 21, problem: 'removed' } });
  });

  it('names the first entry after one deleted from the middle', () => {
    const { sqlite } = withEntries(1000);
    dropGuards(sqlite);
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 500').run();
    expect(verifyAuditChain(sqlite)).toEqual({
      ok: false,
      restores: [],
      entries: 499,
      firstBad: { seq: 501, problem: 'removed', message: '第 501 条之前的记录被删除（缺少第 500 条）' },
    });
  });

  it('notices the first entries deleted', () => {
    const { sqlite } = withEntries(10);
    dropGuards(sqlite);
    sqlite.prepare('DELETE FROM audit_log WHERE seq <= 3').run();
    expect(verifyAuditChain(sqlite)).toMatchObject({
      ok: false,
      entries: 0,
      firstBad: { seq: 4, problem: 'removed', message: '第 4 条之前的记录被删除（缺少第 1–3 条）' },
    });
  });

  it('notices the newest entries deleted through the anchor, and never reuses their numbers', () => {
    const { sqlite } = withEntries(1000);
    dropGuards(sqlite);
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 1000').run();
    expect(verifyAuditChain(sqlite)).toEqual({
      ok: false,
      restores: [],
      entries: 999,
      firstBad: { seq: 1000, problem: 'head-mismatch', message: '最新的第 1000 条审计记录被删除（记录头为第 1000 条）' },
    });
    sqlite.prepare('DELETE FROM audit_log WHERE seq > 990').run();
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, entries: 990, firstBad: { seq: 991, problem: 'head-mismatch' } });
    // The app keeps working, continues after the anchor, and the gap stays visible for good.
    expect(appendAudit(sqlite, { actor: ADMIN, action: 'auth.login', at: T0 + 2_000_000 }).seq).toBe(1001);
    expect(verifyAuditChain(sqlite)).toMatchObject({
      ok: false,
      entries: 990,
      firstBad: { seq: 1001, problem: 'removed', message: '第 1001 条之前的记录被删除（缺少第 991–1000 条）' },
    });
  });

  it('notices every entry deleted', () => {
    const { sqlite } = withEntries(10);
    dropGuards(sqlite);
    sqlite.exec('DELETE FROM audit_log');
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, entries: 0, firstBad: { seq: 1, problem: 'head-mismatch' } });
  });

  it('notices a missing or rewound anchor', () => {
    const { sqlite } = withEntries(10);
    dropGuards(sqlite);
    const head = headValue(sqlite)!;
    sqlite.exec(`DELETE FROM meta WHERE key = 'audit.head'`);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, firstBad: { seq: 10, problem: 'head-mismatch' } });
    sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('audit.head', ?)`).run('garbage');
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, firstBad: { problem: 'head-mismatch' } });
    sqlite.prepare(`UPDATE meta SET value = ? WHERE key = 'audit.head'`).run(head);
    expect(verifyAuditChain(sqlite).ok).toBe(true);
  });

  it('names rows written around the app after the anchored head as inserted', () => {
    const { sqlite } = withEntries(10);
    const row = sqlite.prepare('SELECT * FROM audit_log WHERE seq = 10').get() as Record<string, string | number | null>;
    const fake = { ...row, seq: 11, action: 'auth.login', prev_hash: row.hash, at: T0 + 99_000 };
    sqlite.prepare(
      `INSERT INTO audit_log (seq, at, actor_id, actor_name, actor_role, action, target, detail, prev_hash, hash)
       VALUES (@seq, @at, @actor_id, @actor_name, @actor_role, @action, @target, @detail, @prev_hash, @hash)`,
    ).run({ ...fake, hash: rehash(fake) });
    expect(verifyAuditChain(sqlite)).toEqual({
      ok: false,
      restores: [],
      entries: 10,
      firstBad: { seq: 11, problem: 'inserted', message: '第 11 条审计记录不是本程序写入的（在记录头第 10 条之后）' },
    });
  });

  it('notices the newest entry replaced by one with a recomputed hash', () => {
    const { sqlite } = withEntries(10);
    dropGuards(sqlite);
    const row = sqlite.prepare('SELECT * FROM audit_log WHERE seq = 10').get() as Record<string, string | number | null>;
    const forged = { ...row, target: 'b-other' };
    sqlite.prepare('UPDATE audit_log SET target = ?, hash = ? WHERE seq = 10').run(forged.target, rehash(forged));
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, entries: 9, firstBad: { seq: 10, problem: 'head-mismatch' } });
  });
});

