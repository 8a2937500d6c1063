/**
 * Opening a bundle, each step before the next: the container → the signature, against the trust
 * list → decryption → the manifest (version, sender = signer) → each table's count and hash → every
 * row checked. Nothing here touches the database; every refusal is a `ServiceError` in Chinese.
 */
import { createHash } from 'node:crypto';
import type { ErrorRef } from '../../messages/errors';
import { ServiceError } from '../errors';
import { travellingTables, type TravellingEntry, type TravellingName } from '../sync/registry';
import { AgeError, ageDecrypt } from './age-format';
import { readContainer, readPayload, BUNDLE_MAX_EXPANDED } from './container';
import type { OfficeIdentity } from './identity';
import { parseManifest, parseTrustedComment, REPORT_FILE, tableFile, type BundleManifest } from './manifest';
import { reportRowSchema, type ReportRow } from './report';
import { minisignVerify, parseMinisig, parseMinisignPublicKey } from './minisign';
import type { PartyKey } from './partners';
import { checkRow, type BundleRow } from './rows';

export interface RejectedRow {
  table: string;
  /** 1-based line in the table's file. */
  line: number;
  id: string | null;
  reason: string;
}

export interface OpenedBundle {
  manifest: BundleManifest;
  /** Who signed it: a partner on the trust list, or this office itself (a bundle it sent). */
  signer: PartyKey;
  fromSelf: boolean;
  tables: Map<TravellingName, BundleRow[]>;
  rejected: RejectedRow[];
  /** Tables this version does not have (a newer sender): left out, named in the preview. */
  unknownTables: string[];
  /** An aggregate-only report's rows; null for a bundle of records. */
  report: ReportRow[] | null;
}

export interface OpenOptions {
  identity: OfficeIdentity;
  /** The trust list's keys that are not revoked. */
  trusted: readonly PartyKey[];
  selfCard: PartyKey;
  maxExpanded?: number;
}

const invalid = (...ref: ErrorRef) => new ServiceError('INVALID_INPUT', ...ref);

async function decrypt(identity: OfficeIdentity, encrypted: Uint8Array, to: string[]): Promise<Uint8Array> {
  try {
    return await ageDecrypt(encrypted, [identity.ageIdentity]);
  } catch (err) {
    if (err instanceof AgeError && err.kind === 'noMatch') throw invalid('bundle.notForUs', { recipients: to.join('、') || '（未写明）' });
    throw invalid('bundle.decryptFailed', { reason: (err as Error).message });
  }
}

const ENTRIES = new Map<string, TravellingEntry>(travellingTables.map((t) => [t.name, t]));

function checkEntry(what: string, name: string, declared: { rows: number; sha256: string }, bytes: Uint8Array | undefined): void {
  if (!bytes) throw invalid('bundle.tableMismatch', { table: what, what: '文件', expected: name, actual: '缺失' });
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== declared.sha256) throw invalid('bundle.tableMismatch', { table: what, what: 'SHA-256', expected: declared.sha256.slice(0, 12), actual: sha.slice(0, 12) });
  let lines = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) lines++;
  if (lines !== declared.rows) throw invalid('bundle.tableMismatch', { table: what, what: '行数', expected: declared.rows, actual: lines });
}

function checkTables(manifest: BundleManifest, files: Map<string, Uint8Array>): void {
  if ((manifest.content === 'report') !== (manifest.report !== undefined)) throw invalid('bundle.badManifest', { reason: 'content 与 report 不一致' });
  if (manifest.report) {
    if (Object.keys(manifest.tables).length > 0) throw invalid('bundle.badManifest', { reason: '汇总报表不能含有记录表' });
    checkEntry(REPORT_FILE, REPORT_FILE, manifest.report, files.get(REPORT_FILE));
  }
  for (const name of files.keys()) {
    if (name === 'manifest.json' || (name === REPORT_FILE && manifest.report)) continue;
    const table = /^tables\/(.+)\.jsonl$/.exec(name)?.[1];
    if (!table || !manifest.tables[table]) throw invalid('bundle.badManifest', { reason: `文件 ${name} 不在清单中` });
  }
  for (const [table, declared] of Object.entries(manifest.tables)) checkEntry(table, tableFile(table), declared, files.get(tableFile(table)));
}

/** The report's rows, each checked; a bad line is a rejected row like a bad record. */
function readReport(manifest: BundleManifest, files: Map<string, Uint8Array>, rejected: RejectedRow[]): ReportRow[] | null {
  if (!manifest.report) return null;
  const rows: ReportRow[] = [];
  const lines = Buffer.from(files.get(REPORT_FILE)!).toString('utf8').split('\n').slice(0, manifest.report.rows);
  lines.forEach((source, i) => {
    let raw: unknown;
    try {
      raw = JSON.parse(source);
    } catch {
      rejected.push({ table: REPORT_FILE, line: i + 1, id: null, reason: '不是有效的 JSON' });
      return;
    }
    const parsed = reportRowSchema.safeParse(raw);
    if (parsed.success) rows.push(parsed.data);
    else rejected.push({ table: REPORT_FILE, line: i + 1, id: null, reason: `${parsed.error.issues[0]!.path.join('.')}：${parsed.error.issues[0]!.message}` });
  });
  return rows;
}

function readRows(manifest: BundleManifest, files: Map<string, Uint8Array>) {
  const tables = new Map<TravellingName, BundleRow[]>();
  const rejected: RejectedRow[] = [];
  const unknownTables: string[] = [];
  for (const table of Object.keys(manifest.tables)) {
    const entry = ENTRIES.get(table);
    if (!entry) {
      unknownTables.push(table);
      continue;
    }
    const text = Buffer.from(files.get(tableFile(table))!).toString('utf8');
    const rows: BundleRow[] = [];
    const seen = new Set<string>();
    text.split('\n').forEach((source, i) => {
      if (i === manifest.tables[table]!.rows) return;
      let raw: unknown;
      try {
        raw = JSON.parse(source);
      } catch {
        rejected.push({ table, line: i + 1, id: null, reason: '不是有效的 JSON' });
        return;
      }
      const checked = checkRow(entry, raw, i + 1);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : null;
      if (typeof checked === 'string') rejected.push({ table, line: i + 1, id, reason: checked });
      else if (seen.has(checked.values.id as string)) rejected.push({ table, line: i + 1, id, reason: '同一 id 在包中出现了两次' });
      else {
        seen.add(checked.values.id as string);
        rows.push(checked);
      }
    });
    tables.set(entry.name, rows);
  }
  return { tables, rejected, unknownTables };
}

export async function openBundle(bytes: Uint8Array, options: OpenOptions): Promise<OpenedBundle> {
  const { minisig, encrypted } = readContainer(bytes);
  const sig = parseMinisig(minisig);
  if (!sig) throw invalid('bundle.notABundle', { reason: '签名文件格式不对' });
  const fromSelf = sig.keyId === options.selfCard.keyId;
  const signer = fromSelf ? options.selfCard : options.trusted.find((k) => k.keyId === sig.keyId);
  if (!signer) throw invalid('bundle.untrustedSigner', { keyId: sig.keyId });
  const publicKey = parseMinisignPublicKey(signer.minisignPublicKey)!.publicKey;
  if (!minisignVerify(publicKey, encrypted, sig)) throw invalid('bundle.badSignature', { keyId: sig.keyId });
  const comment = parseTrustedComment(sig.trustedComment);
  if (!comment) throw invalid('bundle.notABundle', { reason: '签名的可信注释不是 GridDesk 数据包的' });
  const payload = await decrypt(options.identity, encrypted, comment.to);
  const files = readPayload(payload, options.maxExpanded ?? BUNDLE_MAX_EXPANDED);
  const manifest = parseManifest(files.get('manifest.json'));
  const signerText = `${signer.name}（${signer.officeCode}，密钥 ${signer.keyId}）`;
  const senderText = `${manifest.sender.officeName}（${manifest.sender.officeCode}，密钥 ${manifest.sender.keyId}）`;
  if (
    manifest.sender.keyId !== sig.keyId ||
    manifest.sender.officeCode !== comment.sender ||
    manifest.sender.nodeId !== comment.node ||
    manifest.sequence !== comment.seq ||
    (!fromSelf && manifest.sender.officeCode !== signer.officeCode)
  ) {
    throw invalid('bundle.signerMismatch', { signer: signerText, sender: senderText });
  }
  checkTables(manifest, files);
  const read = readRows(manifest, files);
  return { manifest, signer, fromSelf, ...read, report: readReport(manifest, files, read.rejected) };
}
