/**
 * Sending and receiving bundles: the sequence per sender, "since the last bundle sent to this
 * partner", the dry run, and the import applied in one transaction with its log line and audit.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Actor } from '../auth/roles';
import { appendAudit } from '../audit/append';
import { ServiceError } from '../errors';
import { formatHlc, type HybridClock } from '../sync/hlc';
import { uuidv7 } from '../sync/ids';
import { areaRows, type AreaChoice } from './area';
import type { BundleKind } from '../../messages/bundle-kinds';
import { kindRows } from './kinds';
import { writeAnchor } from '../audit/anchors';
import { readAnchors, type Anchor } from '../audit/anchor-record';
import { checkReceivedAnchor, keepAnchor } from './received-anchors';
import { aggregateReport, type ReportRow } from './report';
import { buildBundle, type BuiltBundle, type ExportScope } from './export';
import type { OfficeIdentity } from './identity';
import { recountAfterMerge } from './derived';
import { applyMerge, planMerge, type MergeCounts, type MergePlan } from './merge';
import { officeInfo, selfParty } from './office';
import { openBundle, type OpenedBundle, type RejectedRow } from './open';
import { trustedPartners, type Partner } from './trust-list';

export interface Party {
  sqlite: Database.Database;
  identity: OfficeIdentity;
  nodeId: string;
  actor: Actor;
  /** The data folder, where the office's audit anchors are kept: a bundle sent carries a fresh one. */
  dataDir?: string;
}

const SEQUENCE_KEY = 'bundle_sequence';

function nextSequence(sqlite: Database.Database): number {
  const row = sqlite.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(SEQUENCE_KEY);
  return (row ? Number(row.value) : 0) + 1;
}

/** "Changes since the last bundle sent to these partners": from the oldest of their last bundles; all when one never got any. */
export function sinceLastSent(sqlite: Database.Database, partners: readonly Partner[]): ExportScope {
  const lastOf = sqlite.prepare<[string], { up_to: string | null; at: number }>(
    `SELECT up_to, at FROM bundle_log WHERE direction = 'sent' AND json_extract(summary, '$.report') IS NULL AND EXISTS (SELECT 1 FROM json_each(recipient_codes) WHERE value = ?) ORDER BY at DESC LIMIT 1`,
  );
  const lasts = partners.map((p) => lastOf.get(p.officeCode));
  if (lasts.length === 0 || lasts.some((l) => !l)) return { kind: 'all' };
  const since = lasts.map((l) => l!.up_to ?? '').sort()[0]!;
  return { kind: 'since', since, receivedAfter: Math.min(...lasts.map((l) => l!.at)) };
}

/** "Changes since a date": rows stamped from that day's local midnight on, and rows a bundle changed here since then. */
export function sinceDay(day: string | undefined): ExportScope {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  const start = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  if (!m || !start || start.getDate() !== Number(m[3])) throw new ServiceError('INVALID_INPUT', 'bundle.badSince', { value: day ?? '' }, 'since');
  const wall = start.getTime() - 1;
  return { kind: 'since', since: formatHlc({ wall, counter: 99999, node: '\uffff' }), receivedAfter: start.getTime() };
}

/**
 * A fresh anchor for the bundle; when one cannot be written now (the database is busy with a
 * backup, say), the newest the office signed before, which is still its own signed head.
 */
function bundleAnchor(sqlite: Database.Database, dataDir: string, identity: OfficeIdentity, actor: Actor, sequence: number, now: Date): Anchor | null {
  try {
    return writeAnchor(sqlite, dataDir, identity.signing, { reason: 'bundle', actor, detail: { sequence }, at: now.getTime() });
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    return readAnchors(sqlite).at(-1) ?? null;
  }
}

export interface ExportRequest {
  partnerIds: readonly string[];
  /** Everything, changes since the last bundle to these partners, or changes since `since` (a day, YYYY-MM-DD, from 00:00 local time). */
  scope: 'all' | 'sinceLast' | 'sinceDate';
  since?: string;
  /** Only the rows of these communities and grids and the rows they need; none chosen: the whole office. */
  communityIds?: readonly string[];
  gridIds?: readonly string[];
  /** Only these record kinds (and the rows they need); none chosen: every kind. */
  kinds?: readonly BundleKind[];
  /** An aggregate-only report (counts per community, grid and day; no personal data) instead of records. */
  aggregate?: boolean;
  now?: Date;
  progress?: (done: number, total: number) => void;
  cancelled?: () => boolean;
}

export async function exportBundle(party: Party, request: ExportRequest): Promise<BuiltBundle> {
  const { sqlite, identity, nodeId, actor } = party;
  if (request.partnerIds.length === 0) throw new ServiceError('INVALID_INPUT', 'bundle.noRecipients', {}, 'partnerIds');
  const trusted = trustedPartners(sqlite);
  const recipients = request.partnerIds.map((id) => {
    const p = trusted.find((t) => t.id === id);
    if (!p) throw new ServiceError('NOT_FOUND', 'bundle.partnerNotFound', { id }, 'partnerIds');
    return p;
  });
  const now = request.now ?? new Date();
  // A report is a picture of now: it ignores "since" and record kinds.
  const aggregate = request.aggregate === true;
  const scope =
    aggregate || request.scope === 'all' ? ({ kind: 'all' } as const) : request.scope === 'sinceDate' ? sinceDay(request.since) : sinceLastSent(sqlite, recipients);
  const choice: AreaChoice = { communityIds: request.communityIds ?? [], gridIds: request.gridIds ?? [] };
  const inArea = choice.communityIds.length + choice.gridIds.length > 0 ? areaRows(sqlite, choice) : undefined;
  const kinds = !aggregate && request.kinds && request.kinds.length > 0 ? [...new Set(request.kinds)] : undefined;
  const rows = aggregate ? undefined : kinds ? kindRows(sqlite, kinds, inArea) : inArea;
  const sequence = nextSequence(sqlite);
  const anchor = party.dataDir ? bundleAnchor(sqlite, party.dataDir, identity, actor, sequence, now) : null;
  const built = await buildBundle(sqlite, {
    identity,
    office: officeInfo(sqlite, nodeId),
    nodeId,
    recipients,
    scope,
    rows,
    area: inArea ? choice : undefined,
    kinds,
    sinceDate: !aggregate && request.scope === 'sinceDate' ? request.since : undefined,
    anchor,
    report: aggregate ? aggregateReport(sqlite, inArea ? choice : undefined) : undefined,
    sequence,
    now,
    progress: request.progress,
    cancelled: request.cancelled,
  });
  sqlite.transaction(() => {
    sqlite.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(SEQUENCE_KEY, String(sequence));
    sqlite
      .prepare(
        `INSERT INTO bundle_log (id, direction, sender_code, sender_key_id, recipient_codes, sequence, file_name, up_to, rows, summary, at)
         VALUES (?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uuidv7(now.getTime()),
        built.manifest.sender.officeCode,
        identity.keyId,
        JSON.stringify(recipients.map((r) => r.officeCode)),
        sequence,
        built.fileName,
        built.upTo,
        built.rows,
        aggregate ? JSON.stringify({ report: built.rows }) : '{}',
        now.getTime(),
      );
    appendAudit(sqlite, {
      actor,
      action: 'bundles.export',
      target: built.fileName,
      detail: { sequence, recipients: recipients.map((r) => r.officeCode), scope: built.manifest.scope.kind, ...(kinds ? { kinds } : {}), ...(aggregate ? { report: true } : {}), rows: built.rows },
      at: now.getTime(),
    });
  })();
  return built;
}

export interface BundlePreview {
  manifest: OpenedBundle['manifest'];
  signer: { name: string; officeCode: string; keyId: string };
  fromSelf: boolean;
  /** The highest sequence already received from this sender, when this one is not newer. */
  replayOf: number | null;
  totals: MergeCounts;
  byTable: Record<string, MergeCounts>;
  rejected: RejectedRow[];
  unknownTables: string[];
  /** An aggregate-only report: its rows, shown as a report and never merged. */
  report: ReportRow[] | null;
  /** The sender's audit anchor, its signature checked; null when the bundle carries none. */
  anchor: { seq: number; auditSeq: number; auditHash: string; at: number } | null;
}

function lastReceived(sqlite: Database.Database, keyId: string): number | null {
  return sqlite.prepare<[string], { seq: number | null }>(`SELECT max(sequence) AS seq FROM bundle_log WHERE direction = 'received' AND sender_key_id = ?`).get(keyId)?.seq ?? null;
}

class TrialDone extends Error {}

/** The rows SQLite would refuse, found by applying the plan in a transaction that is always rolled back. */
function trialApply(sqlite: Database.Database, plan: MergePlan): RejectedRow[] {
  if (plan.rows.every((p) => p.action === 'unchanged')) return [];
  let rejected: RejectedRow[] = [];
  try {
    sqlite.transaction(() => {
      rejected = applyMerge(sqlite, plan, { bundleId: null, now: 0 }).rejected;
      throw new TrialDone();
    })();
  } catch (err) {
    if (!(err instanceof TrialDone)) throw err;
  }
  return rejected;
}

/** Called after each step of a dry run (1: opened and checked, 2: planned, 3: trial written); may throw to stop. */
export type PreviewStep = (done: number, total: number) => void;

async function openAndPlan(
  party: Party,
  bytes: Uint8Array,
  maxExpanded: number | undefined,
  trial: boolean,
  step: PreviewStep = () => {},
): Promise<{ opened: OpenedBundle; plan: MergePlan; preview: BundlePreview }> {
  const { sqlite, identity, nodeId } = party;
  const opened = await openBundle(bytes, { identity, trusted: trustedPartners(sqlite), selfCard: selfParty(sqlite, nodeId, identity), maxExpanded });
  if (opened.manifest.anchor && !opened.fromSelf) checkReceivedAnchor(sqlite, opened.signer, opened.manifest.anchor);
  step(1, 3);
  const plan = planMerge(sqlite, opened.tables);
  step(2, 3);
  const refused = trial && opened.rejected.length === 0 ? trialApply(sqlite, plan) : [];
  step(3, 3);
  const last = lastReceived(sqlite, opened.signer.keyId);
  const preview: BundlePreview = {
    manifest: opened.manifest,
    signer: { name: opened.signer.name, officeCode: opened.signer.officeCode, keyId: opened.signer.keyId },
    fromSelf: opened.fromSelf,
    replayOf: last !== null && opened.manifest.sequence <= last ? last : null,
    totals: plan.totals,
    byTable: plan.byTable,
    rejected: [...opened.rejected, ...refused],
    unknownTables: opened.unknownTables,
    report: opened.report,
    anchor: opened.manifest.anchor
      ? { seq: opened.manifest.anchor.seq, auditSeq: opened.manifest.anchor.audit_seq, auditHash: opened.manifest.anchor.audit_hash, at: opened.manifest.anchor.at }
      : null,
  };
  return { opened, plan, preview };
}

/** Checks and dry-runs a bundle: what importing it would do. Changes nothing. */
export async function previewBundle(party: Party, bytes: Uint8Array, options: { maxExpanded?: number; step?: PreviewStep } = {}): Promise<BundlePreview> {
  return (await openAndPlan(party, bytes, options.maxExpanded, true, options.step)).preview;
}

export interface ImportResult extends BundlePreview {
  conflicts: number;
  /** The newest stamp merged, for the service thread's clock when the import ran elsewhere. */
  newest: string | null;
}

/**
 * Imports a bundle: refused whole when any row fails its check, or when it is a replay and
 * `allowReplay` is not set; otherwise merged in one transaction with its log line and audit entry.
 */
export async function importBundle(
  party: Party & { clock: HybridClock },
  bytes: Uint8Array,
  options: { allowReplay?: boolean; fileName?: string; now?: number; maxExpanded?: number } = {},
): Promise<ImportResult> {
  const { sqlite, actor } = party;
  // The rows SQLite refuses are found by the write itself, which then rolls back: no trial first.
  const { opened, plan, preview } = await openAndPlan(party, bytes, options.maxExpanded, false);
  const refuseRows = (rejected: RejectedRow[]) => {
    const first = rejected[0] ?? { table: '', line: 0, reason: '引用的上级记录不存在' };
    return new ServiceError('INVALID_INPUT', 'bundle.invalidRows', { count: rejected.length, table: first.table, line: first.line, reason: first.reason });
  };
  if (preview.rejected.length > 0) throw refuseRows(preview.rejected);
  if (preview.replayOf !== null && !options.allowReplay) {
    throw new ServiceError('CONFLICT', 'bundle.replay', { sender: `${preview.signer.name}（${preview.signer.officeCode}）`, sequence: opened.manifest.sequence, last: preview.replayOf });
  }
  const now = options.now ?? Date.now();
  const logId = uuidv7(now);
  let conflicts = 0;
  const apply = sqlite.transaction(() => {
    const applied = applyMerge(sqlite, plan, { bundleId: logId, now, findOrphans: false });
    if (applied.rejected.length > 0) throw refuseRows(applied.rejected);
    conflicts = applied.conflicts;
    recountAfterMerge(sqlite, plan);
    const m = opened.manifest;
    if (m.anchor && !opened.fromSelf) keepAnchor(sqlite, opened.signer, m.anchor, m.sequence, now);
    sqlite
      .prepare(
        `INSERT INTO bundle_log (id, direction, sender_code, sender_key_id, recipient_codes, sequence, file_name, up_to, rows, summary, at)
         VALUES (?, 'received', ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
      )
      .run(
        logId,
        m.sender.officeCode,
        m.sender.keyId,
        JSON.stringify(m.recipients.map((r) => r.officeCode)),
        m.sequence,
        options.fileName ?? '',
        opened.report ? opened.report.length : plan.rows.length,
        JSON.stringify(opened.report ? { report: opened.report.length } : plan.totals),
        now,
      );
    appendAudit(sqlite, {
      actor,
      action: 'bundles.import',
      target: options.fileName ?? `${m.sender.officeCode}#${m.sequence}`,
      detail: { sender: m.sender.officeCode, keyId: m.sender.keyId, sequence: m.sequence, replay: preview.replayOf !== null, ...plan.totals, ...(opened.report ? { report: opened.report.length } : {}) },
      at: now,
    });
  });
  try {
    apply();
  } catch (err) {
    // A missing parent shows at the commit, which rolled back: name the rows, found by a trial.
    if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw err;
    throw refuseRows(trialApply(sqlite, plan));
  }
  let newest = '';
  for (const p of plan.rows) if ((p.row.values.hlc as string) > newest) newest = p.row.values.hlc as string;
  if (newest) party.clock.receive(newest);
  return { ...preview, conflicts, newest: newest || null };
}
