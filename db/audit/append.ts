import type Database from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../auth/roles';
import { canonicalJson } from './canonical-json';
import { entryHash, GENESIS_HASH, type ChainedFields } from './hash';
import { AUDIT_HEAD_KEY, formatHead, parseHead } from './head';

export interface AuditEntryInput {
  actor: Pick<Actor, 'id' | 'name' | 'role'>;
  /** `domain.verb` in lower case: `auth.login`, `person.reveal`, `buildings.status`, … */
  action: string;
  /** What was acted on: a record id, a username, a file name. Never personal data itself. */
  target?: string | null;
  /** Any JSON value; stored as canonical JSON. Never personal data itself (the log cannot be erased). */
  detail?: unknown;
  /** Unix ms; defaults to now. Entries written later (failed sign-ins before unlock) keep their own time. */
  at?: number;
  /** Take a number after this one at least: a restore's entry goes on after the replaced chain's last number. */
  after?: number;
}

export interface AppendedAudit {
  seq: number;
  hash: string;
}

const ACTION_RE = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$/;
const MAX_TARGET = 500;
const MAX_DETAIL = 64 * 1024;

interface Statements {
  append: Database.Transaction<(row: Omit<ChainedFields, 'seq' | 'prev_hash'>, after: number) => AppendedAudit>;
}

const perConnection = new WeakMap<Database.Database, Statements>();

function statementsFor(sqlite: Database.Database): Statements {
  let s = perConnection.get(sqlite);
  if (s) return s;
  const readAnchor = sqlite.prepare<unknown[], string>('SELECT value FROM meta WHERE key = ?').pluck().safeIntegers(false);
  const readTail = sqlite.prepare<unknown[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').safeIntegers(false);
  const insert = sqlite.prepare(
    `INSERT INTO audit_log (seq, at, actor_id, actor_name, actor_role, action, target, detail, prev_hash, hash)
     VALUES (@seq, @at, @actor_id, @actor_name, @actor_role, @action, @target, @detail, @prev_hash, @hash)`,
  );
  // Update, else insert: a trigger refuses any INSERT of the key once it exists (even an upsert).
  const moveAnchor = sqlite.prepare('UPDATE meta SET value = ? WHERE key = ?');
  const createAnchor = sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  const append = sqlite.transaction((row: Omit<ChainedFields, 'seq' | 'prev_hash'>, after: number): AppendedAudit => {
    const anchorValue = readAnchor.get(AUDIT_HEAD_KEY);
    const anchor = anchorValue === undefined ? null : parseHead(anchorValue);
    const tail = readTail.get();
    // Continue after the anchor, not after whatever row is last: if the newest rows were removed
    // behind the app's back, their numbers are not reused and the gap stays visible to verify.
    const seq = Math.max(anchor?.seq ?? 0, tail?.seq ?? 0, after) + 1;
    const prev_hash = anchor?.hash ?? tail?.hash ?? GENESIS_HASH;
    const fields: ChainedFields = { ...row, seq, prev_hash };
    const hash = entryHash(fields);
    insert.run({ ...fields, hash });
    const head = formatHead({ seq, hash });
    if (moveAnchor.run(head, AUDIT_HEAD_KEY).changes === 0) createAnchor.run(AUDIT_HEAD_KEY, head);
    return { seq, hash };
  });
  s = { append };
  perConnection.set(sqlite, s);
  return s;
}

function requireText(value: unknown, what: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError(`审计记录的${what}不能为空`);
  if (value.length > max) throw new TypeError(`审计记录的${what}过长（${value.length} 字符，最多 ${max}）`);
  return value;
}

/**
 * Appends one entry to the audit chain and moves the anchor, atomically. Call it inside the
 * transaction of the change it records (better-sqlite3 nests it as a savepoint), so the change
 * and its audit entry commit or roll back together. On its own it takes the write lock at once
 * (BEGIN IMMEDIATE), so two connections appending at the same time queue instead of forking the
 * chain. Statements are prepared once per connection.
 */
export function appendAudit(sqlite: Database.Database, entry: AuditEntryInput): AppendedAudit {
  const action = requireText(entry.action, '动作', 64);
  if (!ACTION_RE.test(action)) throw new TypeError(`审计动作「${action}」格式不对，应为小写的 domain.verb，如 auth.login`);
  const at = entry.at ?? Date.now();
  if (!Number.isSafeInteger(at) || at < 0) throw new TypeError(`审计记录的时间「${at}」不是有效的毫秒时间戳`);
  const target = entry.target == null ? null : requireText(entry.target, '对象', MAX_TARGET);
  const detail = entry.detail == null ? null : canonicalJson(entry.detail);
  if (detail !== null && detail.length > MAX_DETAIL) throw new TypeError(`审计记录的详情过大（${detail.length} 字符，最多 ${MAX_DETAIL}）`);
  const row = {
    at,
    actor_id: requireText(entry.actor.id, '操作人 id', 200),
    actor_name: requireText(entry.actor.name, '操作人姓名', 200),
    actor_role: requireText(entry.actor.role, '操作人角色', 50),
    action,
    target,
    detail,
  };
  const after = entry.after ?? 0;
  if (!Number.isSafeInteger(after) || after < 0) throw new TypeError(`审计记录的起始序号「${after}」不是非负整数`);
  return statementsFor(sqlite).append.immediate(row, after);
}
