import type { AnchorNote, AuditProblem } from '../../electron/api/audit';
import { anchorIsGenuine, type Anchor, type AnchorReason } from './anchor-record';
import type { ChainWalk } from './verify';

/** Where anchors were found: the database's table, the file beside it, each backup's table. */
export interface AnchorSources {
  table: Anchor[];
  /** `audit-anchor.json`; undefined when the data folder was not looked at. */
  file?: Anchor | null | 'unreadable';
  backups: { name: string; anchors: Anchor[] }[];
  /** Whether `keyring.json` records an office key (then anchors must exist). */
  keyExists: boolean;
}

/** The key anchors must be signed with; `confirmed` when it comes from the secret unwrapped at sign-in. */
export interface TrustedKey {
  publicKey: Uint8Array;
  keyId: string;
  confirmed: boolean;
}

interface Problem {
  seq: number;
  problem: AuditProblem;
  message: string;
  anchor: number;
}

const REASON_LABELS: Record<AnchorReason, string> = { 'sign-in': '登录时', backup: '备份时', bundle: '发送数据包时', restore: '恢复备份时' };

function describe(a: Anchor): string {
  const at = new Date(a.at).toLocaleString('zh-CN', { hour12: false });
  return `第 ${a.seq} 个锚点（${at}，${a.actor_name}${REASON_LABELS[a.reason] ?? a.reason}签名）`;
}

/**
 * Holds the walked chain to every anchor found and returns the problem of the lowest-numbered
 * anchor that no longer matches:
 * - `anchor-forged`: not signed by the office key (or its hash is not over its fields);
 * - `anchor-mismatch`: the entry it signed has another hash now, or is gone; or two copies of
 *   it differ; or it does not carry the previous anchor's hash;
 * - `anchor-missing`: anchors that disappeared from the database (the gap in their numbers, or
 *   a copy in the anchor file or a backup that the database no longer has), or no anchors at
 *   all although an office key exists.
 * Anchors a restore's entry names as made on the chain it replaced are not compared with this
 * chain; they are listed as such.
 */
export function checkAnchors(sources: AnchorSources, trusted: TrustedKey | null, walk: ChainWalk): { bad: Problem | null; notes: AnchorNote } {
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const add = (a: Anchor, problem: AuditProblem, message: string, seq = a.audit_seq) => problems.push({ seq, problem, message, anchor: a.seq });
  const replacedRanges = walk.restores.flatMap((r) => (r.replacedAnchors ? [r.replacedAnchors] : []));
  const isReplaced = (seq: number) => replacedRanges.some(([from, to]) => seq >= from && seq <= to);

  // Every copy of every anchor, by number.
  const copies = new Map<number, { anchor: Anchor; where: string }[]>();
  const collect = (a: Anchor, where: string) => copies.set(a.seq, [...(copies.get(a.seq) ?? []), { anchor: a, where }]);
  for (const a of sources.table) collect(a, '数据库');
  if (sources.file && sources.file !== 'unreadable') collect(sources.file, '锚点文件 audit-anchor.json');
  for (const b of sources.backups) for (const a of b.anchors) collect(a, `备份 ${b.name}`);

  if (!trusted) warnings.push('找不到办公室签名公钥：锚点的签名无法核对');
  for (const [, found] of [...copies].sort(([a], [b]) => a - b)) {
    const first = found[0]!.anchor;
    const forged = trusted ? found.find((c) => !anchorIsGenuine(c.anchor, trusted.publicKey, trusted.keyId)) : undefined;
    if (forged) add(forged.anchor, 'anchor-forged', `${describe(forged.anchor)}（${forged.where}）的签名不是本街道办的签名密钥所签：锚点是伪造或被改过的`);
    const other = found.find((c) => c.anchor.hash !== first.hash);
    if (other) add(first, 'anchor-mismatch', `${describe(first)}在${found[0]!.where}与${other.where}中不同`);
  }

  const table = sources.table;
  const inTable = new Set(table.map((a) => a.seq));
  table.forEach((a, i) => {
    const prev = table[i - 1];
    const expected = prev ? prev.seq + 1 : 1;
    for (let missing = expected; missing < a.seq; missing++) {
      if (isReplaced(missing)) continue;
      const kept = copies.get(missing)?.[0];
      add(a, 'anchor-missing', `第 ${missing} 个锚点已从数据库中删除${kept ? `（${kept.where}中仍有它）` : ''}`, kept?.anchor.audit_seq ?? a.audit_seq);
      break;
    }
    if (prev && prev.seq === a.seq - 1 && a.prev_anchor !== prev.hash) add(a, 'anchor-mismatch', `${describe(a)}与第 ${prev.seq} 个锚点不衔接：锚点被替换`);
  });
  for (const [seq, found] of copies) {
    if (!inTable.has(seq) && !isReplaced(seq) && !(table.length && seq < table[table.length - 1]!.seq)) {
      add(found[0]!.anchor, 'anchor-missing', `${describe(found[0]!.anchor)}已从数据库中删除（${found[0]!.where}中仍有它）`);
    }
  }

  const replaced: number[] = [];
  const lastSeq = walk.last?.seq ?? 0;
  for (const [seq, found] of copies) {
    const a = found[0]!.anchor;
    if (isReplaced(seq)) {
      replaced.push(seq);
      continue;
    }
    if (walk.bad || a.audit_seq === 0) continue;
    const now = walk.hashes.get(a.audit_seq);
    if (now === undefined) {
      add(a, 'anchor-mismatch', `${describe(a)}确认的第 ${a.audit_seq} 条审计记录已不在链中（现在最新为第 ${lastSeq} 条）：记录被删除或改写`);
    } else if (now !== a.audit_hash) {
      add(a, 'anchor-mismatch', `${describe(a)}确认的第 ${a.audit_seq} 条审计记录与现在不符：该条及以前的记录被改写`);
    }
  }

  if (sources.file === null && table.length > 0) problems.push({ seq: lastSeq, problem: 'anchor-missing', message: '锚点文件 audit-anchor.json 不见了：无法确认最新的锚点没有被删除', anchor: table[table.length - 1]!.seq });
  if (sources.file === 'unreadable') problems.push({ seq: lastSeq, problem: 'anchor-missing', message: '锚点文件 audit-anchor.json 已损坏', anchor: table[table.length - 1]?.seq ?? 0 });
  if (sources.keyExists && copies.size === 0) problems.push({ seq: lastSeq, problem: 'anchor-missing', message: '本街道办已有签名密钥，却找不到任何锚点：锚点被删除', anchor: 0 });

  for (const restore of walk.restores) {
    restore.signed = table.some((a) => a.reason === 'restore' && a.audit_seq === restore.seq && (!trusted || anchorIsGenuine(a, trusted.publicKey, trusted.keyId)));
    if (!restore.signed) warnings.push(`第 ${restore.seq} 条记录的恢复没有在恢复时签名（恢复时没有办公室签名密钥）：它与把文件换成旧副本无法区分`);
  }

  const genuine = [...copies.values()].map((c) => c[0]!.anchor).filter((a) => !isReplaced(a.seq));
  const latest = genuine.sort((a, b) => b.seq - a.seq)[0];
  const bad = problems.sort((a, b) => a.anchor - b.anchor)[0] ?? null;
  return {
    bad,
    notes: {
      checked: copies.size,
      latest: latest ? { seq: latest.seq, at: latest.at, reason: latest.reason, actorName: latest.actor_name, auditSeq: latest.audit_seq } : null,
      replaced: replaced.sort((a, b) => a - b),
      keyConfirmed: trusted?.confirmed ?? false,
      warnings,
    },
  };
}
