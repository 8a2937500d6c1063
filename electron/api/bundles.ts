import { z } from 'zod';
import { mutation, query } from './define';
import { idSchema } from './common';
import type { JobInfo } from './jobs';
import { bundleKinds } from '../../messages/bundle-kinds';

/** This office's identity for bundles: its key card (text, also shown as a QR code) and fingerprint. */
export interface BundleIdentity {
  name: string;
  officeCode: string;
  keyId: string;
  minisignPublicKey: string;
  ageRecipient: string;
  fingerprint: string;
  card: string;
  /** The card's text as a QR code, an SVG document. */
  qrSvg: string;
}

/** A partner on the trust list. */
export interface BundlePartner {
  id: string;
  name: string;
  officeCode: string;
  keyId: string;
  minisignPublicKey: string;
  ageRecipient: string;
  fingerprint: string;
  addedAt: number;
  revokedAt: number | null;
  /** The newest signed audit anchor received from this partner (its chain's seq and head hash then), and how many are kept. */
  anchor: { seq: number; auditSeq: number; auditHash: string; at: number; receivedAt: number; count: number } | null;
}

export type BundleMergeCounts = Record<'create' | 'update' | 'unchanged' | 'conflict', number>;

export interface BundleRejectedRow {
  table: string;
  line: number;
  id: string | null;
  reason: string;
}

/** One figure of an aggregate-only report: per community, grid (null: the whole community) and day (null: as of its making). */
export interface BundleReportRow {
  community: string;
  communityName: string;
  grid: string | null;
  gridName: string | null;
  day: string | null;
  measure: 'buildings' | 'households' | 'residents' | 'screening.households' | 'screening.visited' | 'staffing.needed' | 'staffing.filled' | 'volunteers.active' | 'volunteers.minutes';
  key: string | null;
  value: number;
}

/** What importing a bundle would do (the dry run), after its signature, encryption and manifest were checked. */
export interface BundlePreview {
  manifest: {
    version: number;
    sender: { officeCode: string; officeName: string; nodeId: string; keyId: string };
    recipients: { officeCode: string; name: string; keyId: string }[];
    createdAt: string;
    sequence: number;
    scope: ({ kind: 'all' } | { kind: 'since'; since: string }) & { kinds?: string[] };
    tables: Record<string, { rows: number; sha256: string }>;
    content?: 'records' | 'report';
  };
  signer: { name: string; officeCode: string; keyId: string };
  fromSelf: boolean;
  replayOf: number | null;
  totals: BundleMergeCounts;
  byTable: Record<string, BundleMergeCounts>;
  rejected: BundleRejectedRow[];
  unknownTables: string[];
  /** An aggregate-only report's figures (shown, never merged); null for a bundle of records. */
  report: BundleReportRow[] | null;
  /** The sender's audit anchor, its signature checked; null when the bundle carries none. */
  anchor: { seq: number; auditSeq: number; auditHash: string; at: number } | null;
}

/** One bundle sent or received. */
export interface BundleLogEntry {
  id: string;
  direction: 'sent' | 'received';
  senderCode: string;
  senderKeyId: string;
  recipientCodes: string[];
  sequence: number;
  fileName: string;
  rows: number;
  summary: Record<string, number>;
  at: number;
}

/** A row changed here and elsewhere since the two last exchanged, waiting for a decision. */
export interface BundleConflict {
  id: string;
  table: string;
  rowId: string;
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  mineKept: boolean;
  fields: string[];
  createdAt: number;
}

/** A finished export: the bundle in the file store. */
export interface BundleExportResult {
  fileId: string;
  name: string;
  size: number;
  rows: number;
  sequence: number;
}

const fileId = z.string().uuid({ message: '不是有效的文件编号' });

/**
 * 数据交换: for administrators and data officers, whose key slots hold the office key. Export and
 * import run as jobs (`JobInfo.result`: `BundleExportResult` / `BundlePreview & { conflicts }`).
 */
export const bundleMethods = {
  'bundles.identity': query<BundleIdentity>({ permission: 'bundles.export' })(z.object({}).strict()),
  'bundles.partners': query<BundlePartner[]>({ permission: 'bundles.export' })(z.object({}).strict()),
  /** Adds a partner from its key card text (checked: format, keys, fingerprint). */
  'bundles.addPartner': mutation<BundlePartner>({ permission: 'bundles.export', invalidates: ['bundles'] })(
    z.object({ card: z.string().min(1, '请粘贴对方的密钥卡').max(4000, '密钥卡太长') }).strict(),
  ),
  /** Revokes a partner: its bundles are refused from now on and nothing more is sent to it. */
  'bundles.revokePartner': mutation<BundlePartner>({ permission: 'bundles.export', invalidates: ['bundles'] })(z.object({ id: idSchema }).strict()),
  'bundles.export': mutation<JobInfo>({ permission: 'bundles.export', invalidates: ['bundles', 'jobs'], job: true })(
    z
      .object({
        partnerIds: z.array(idSchema).min(1, '请至少选择一个接收方').max(20),
        scope: z.enum(['all', 'sinceLast', 'sinceDate'], { error: '范围（scope）只能是「全部」「上次发送后的变化」或「某日以来的变化」' }),
        /** The first day of a `sinceDate` scope, YYYY-MM-DD. */
        since: z.iso.date({ error: '起始日期（since）须为 YYYY-MM-DD 格式的日期' }).optional(),
        /** Only these communities and grids (and the rows they need); none: the whole office. */
        communityIds: z.array(idSchema).max(200, '社区（communityIds）最多选 200 个').optional(),
        gridIds: z.array(idSchema).max(1000, '网格（gridIds）最多选 1000 个').optional(),
        /** Only these record kinds (and the rows they need); none: every kind. */
        /** An aggregate-only report (counts per community, grid and day; no personal data) instead of records. */
        aggregate: z.boolean().optional(),
        kinds: z.array(z.enum(bundleKinds, { error: `记录类别（kinds）只能是：${bundleKinds.join('、')}` })).max(bundleKinds.length).optional(),
      })
      .strict()
      .refine((v) => v.scope !== 'sinceDate' || v.since !== undefined, { error: '按日期导出时须填写起始日期（since）', path: ['since'] }),
  ),
  /** Checks an uploaded bundle and dry-runs it, as a job (`JobInfo.result`: `BundlePreview`); writes nothing. */
  'bundles.preview': mutation<JobInfo>({ permission: 'bundles.import', invalidates: ['jobs'], job: true })(z.object({ fileId }).strict()),
  'bundles.import': mutation<JobInfo>({ permission: 'bundles.import', invalidates: ['*'], job: true })(
    z.object({ fileId, allowReplay: z.boolean().default(false) }).strict(),
  ),
  'bundles.history': query<BundleLogEntry[]>({ permission: 'bundles.export' })(z.object({}).strict()),
  'bundles.conflicts': query<BundleConflict[]>({ permission: 'bundles.import' })(z.object({}).strict()),
  'bundles.resolve': mutation<BundleConflict>({ permission: 'bundles.import', invalidates: ['*'] })(
    z.object({ id: idSchema, choice: z.enum(['mine', 'theirs'], { error: '只能选「保留本方」或「采用对方」' }) }).strict(),
  ),
};

declare module './jobs' {
  interface JobResults {
    'bundles.export': BundleExportResult;
    'bundles.import': BundlePreview & { conflicts: number };
  }
}
