/**
 * Making a bundle (docs/bundle-format.md): the travelling rows in scope as JSON Lines with their
 * version vectors, a manifest with counts and hashes, compressed, encrypted with age to every
 * recipient and this office, signed in minisign's format.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import { changesSince, type ChangeCursor } from '../sync/changes';
import { travellingTables, type TravellingName } from '../sync/registry';
import type { BundleKind } from '../../messages/bundle-kinds';
import { ageEncrypt } from './age-format';
import type { AreaChoice, AreaRows } from './area';
import { writeContainer, writePayload } from './container';
import type { OfficeIdentity } from './identity';
import type { ReportRow } from './report';
import type { Anchor } from '../audit/anchor-record';
import { BUNDLE_FORMAT, BUNDLE_VERSION, REPORT_FILE, tableFile, trustedComment, type BundleManifest } from './manifest';
import { minisignSign } from './minisign';
import type { PartyKey } from './partners';
import { rowVector, type VersionVector } from './version-vector';

export type ExportScope = { kind: 'all' } | { kind: 'since'; since: string; receivedAfter: number };

export interface ExportOptions {
  identity: OfficeIdentity;
  office: { code: string; name: string };
  nodeId: string;
  recipients: readonly PartyKey[];
  scope: ExportScope;
  /** Only these rows (`areaRows`, `kindRows`), when the bundle is limited to an area or to record kinds. */
  rows?: AreaRows;
  /** The chosen communities and grids and record kinds, recorded in the manifest. */
  area?: AreaChoice;
  kinds?: readonly BundleKind[];
  /** The day a "changes since a date" scope starts (YYYY-MM-DD), recorded in the manifest. */
  sinceDate?: string;
  /** An aggregate-only report instead of records: these rows go in `report.jsonl`, no table. */
  report?: readonly ReportRow[];
  /** The sender's audit anchor taken for this bundle. */
  anchor?: Anchor | null;
  sequence: number;
  now: Date;
  /** Rows written so far, of `total`. */
  progress?: (done: number, total: number) => void;
  /** Checked between pages: true stops the export (it throws `ExportCancelled`). */
  cancelled?: () => boolean;
}

export class ExportCancelled extends Error {}

export interface BuiltBundle {
  bytes: Uint8Array;
  manifest: BundleManifest;
  rows: number;
  /** The highest row stamp in the bundle (null when it carries none). */
  upTo: string | null;
  fileName: string;
}

const PAGE = 2000;

interface MetaRow {
  vv: string;
  extra: string | null;
}

/** The kept vectors and unknown columns of a page of rows, in one query. */
function metaReader(sqlite: Database.Database) {
  const page = sqlite.prepare<[string, string], MetaRow & { row_id: string }>(
    'SELECT row_id, vv, extra FROM sync_row_meta WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))',
  );
  const any = sqlite.prepare<[], { n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM sync_row_meta LIMIT 1)');
  const none = new Map<string, MetaRow>();
  return (table: string, rows: Record<string, unknown>[]): Map<string, MetaRow> =>
    any.get()!.n === 0 ? none : new Map(page.all(table, JSON.stringify(rows.map((r) => r.id))).map((m) => [m.row_id, m]));
}

function line(row: Record<string, unknown>, meta: MetaRow | undefined): string {
  const kept = meta ? (JSON.parse(meta.vv) as VersionVector) : null;
  const extra = meta?.extra ? (JSON.parse(meta.extra) as Record<string, unknown>) : {};
  return JSON.stringify({ ...extra, ...row, _vv: rowVector(kept, row.origin as string, row.hlc as string) });
}

function countInScope(sqlite: Database.Database, table: TravellingName, scope: ExportScope, area: AreaRows | undefined): number {
  if (area) return area.get(table)?.size ?? 0;
  if (scope.kind === 'all') return (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return (sqlite.prepare(`SELECT count(*) AS n FROM ${table} WHERE hlc > ?`).get(scope.since) as { n: number }).n;
}

/** The rows received by bundles after `receivedAfter` whose stamp is not after `since` (the others come by stamp). */
function receivedRows(sqlite: Database.Database, table: TravellingName, scope: Extract<ExportScope, { kind: 'since' }>): Record<string, unknown>[] {
  return sqlite
    .prepare(
      `SELECT t.* FROM ${table} t JOIN sync_row_meta m ON m.table_name = ? AND m.row_id = t.id WHERE m.received_at >= ? AND t.hlc <= ? ORDER BY t.hlc, t.id`,
    )
    .all(table, scope.receivedAfter, scope.since) as Record<string, unknown>[];
}

const breather = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The JSON Lines of each table with rows in scope; yields between pages so the thread goes on answering. */
async function tableLines(sqlite: Database.Database, options: ExportOptions): Promise<{ files: Map<TravellingName, string[]>; rows: number; upTo: string | null }> {
  const { scope } = options;
  const area = options.rows;
  const inArea = (table: TravellingName, row: Record<string, unknown>) => !area || area.get(table)!.has(row.id as string);
  const total = travellingTables.reduce((n, t) => n + countInScope(sqlite, t.name, scope, area), 0);
  const metaOf = metaReader(sqlite);
  const files = new Map<TravellingName, string[]>();
  let done = 0;
  let upTo: string | null = null;
  for (const { name } of travellingTables) {
    if (area && !area.has(name)) continue;
    const lines: string[] = [];
    let cursor: string | ChangeCursor | null = scope.kind === 'all' ? null : scope.since;
    for (;;) {
      if (options.cancelled?.()) throw new ExportCancelled('已取消');
      const page = changesSince(sqlite, name, cursor, { limit: PAGE });
      const rows = page.rows.filter((row) => inArea(name, row));
      const metas = metaOf(name, rows);
      for (const row of rows) {
        lines.push(line(row, metas.get(row.id as string)));
        if (upTo === null || (row.hlc as string) > upTo) upTo = row.hlc as string;
      }
      done += rows.length;
      options.progress?.(done, total);
      await breather();
      if (!page.next) break;
      cursor = page.next;
    }
    if (scope.kind === 'since') {
      const received = receivedRows(sqlite, name, scope).filter((row) => inArea(name, row));
      const metas = metaOf(name, received);
      for (const row of received) lines.push(line(row, metas.get(row.id as string)));
    }
    if (lines.length > 0) files.set(name, lines);
  }
  return { files, rows: [...files.values()].reduce((n, l) => n + l.length, 0), upTo };
}

export function bundleFileName(senderCode: string, recipients: readonly PartyKey[], sequence: number, now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}_.-]+/gu, '_');
  return `${safe(senderCode)}-to-${recipients.map((r) => safe(r.officeCode)).join('+')}-${sequence}-${day}.gdbundle`;
}

export async function buildBundle(sqlite: Database.Database, options: ExportOptions): Promise<BuiltBundle> {
  const { identity, office, recipients, sequence, now } = options;
  const { files, rows, upTo } = options.report ? { files: new Map<TravellingName, string[]>(), rows: options.report.length, upTo: null } : await tableLines(sqlite, options);
  const payloadFiles: Record<string, string> = {};
  let report: BundleManifest['report'];
  if (options.report) {
    const text = options.report.map((r) => `${JSON.stringify(r)}\n`).join('');
    payloadFiles[REPORT_FILE] = text;
    report = { rows: options.report.length, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
  }
  const tables: BundleManifest['tables'] = {};
  for (const [name, lines] of files) {
    const text = lines.map((l) => `${l}\n`).join('');
    payloadFiles[tableFile(name)] = text;
    tables[name] = { rows: lines.length, sha256: createHash('sha256').update(text, 'utf8').digest('hex') };
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    sender: { officeCode: office.code, officeName: office.name, nodeId: options.nodeId, keyId: identity.keyId, ageRecipient: identity.ageRecipient },
    recipients: recipients.map((r) => ({ officeCode: r.officeCode, name: r.name, keyId: r.keyId, ageRecipient: r.ageRecipient })),
    createdAt: now.toISOString(),
    sequence,
    scope: {
      ...(options.scope.kind === 'all' ? { kind: 'all' as const } : { kind: 'since' as const, since: options.scope.since }),
      ...(options.sinceDate ? { sinceDate: options.sinceDate } : {}),
      ...(options.area ? { area: { communityIds: [...options.area.communityIds], gridIds: [...options.area.gridIds] } } : {}),
      ...(options.kinds ? { kinds: [...options.kinds] } : {}),
    },
    tables,
    ...(report ? { content: 'report' as const, report } : {}),
    ...(options.anchor ? { anchor: options.anchor } : {}),
  };
  payloadFiles['manifest.json'] = `${JSON.stringify(manifest, null, 2)}\n`;
  const payload = writePayload(payloadFiles);
  const encrypted = await ageEncrypt(payload, [...new Set([identity.ageRecipient, ...recipients.map((x) => x.ageRecipient)])], { handOver: true });
  const minisig = minisignSign(identity.signing, encrypted, trustedComment(manifest));
  return { bytes: writeContainer(minisig, encrypted), manifest, rows, upTo, fileName: bundleFileName(office.code, recipients, sequence, now) };
}
