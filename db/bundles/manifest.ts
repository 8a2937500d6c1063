/** The manifest inside a bundle (docs/bundle-format.md, "manifest.json"). */
import { z } from 'zod';
import { ANCHOR_REASONS } from '../audit/anchor-record';
import { ServiceError } from '../errors';

export const BUNDLE_FORMAT = 'griddesk-bundle';
export const BUNDLE_VERSION = 1;

const party = z.object({
  officeCode: z.string().min(1),
  keyId: z.string().regex(/^[0-9A-F]{16}$/),
  ageRecipient: z.string().startsWith('age1'),
});

/** What narrows a scope besides its kind: the day a "since a date" starts, the chosen communities and grids, record kinds. */
const scopeLimits = {
  sinceDate: z.iso.date().optional(),
  area: z.object({ communityIds: z.array(z.string()), gridIds: z.array(z.string()) }).optional(),
  /** The record kinds (messages/bundle-kinds.ts); a newer sender's kinds are kept as words. */
  kinds: z.array(z.string()).optional(),
};

/** The sender's signed audit anchor (db/audit/anchor-record.ts), as `audit_anchors` holds it. */
export const anchorSchema = z
  .object({
    seq: z.number().int().positive(),
    at: z.number().int(),
    reason: z.enum(ANCHOR_REASONS),
    actor_id: z.string(),
    actor_name: z.string(),
    audit_seq: z.number().int().nonnegative(),
    audit_hash: z.string().regex(/^[0-9a-f]{64}$/),
    prev_anchor: z.string().regex(/^[0-9a-f]{64}$/),
    key_id: z.string().regex(/^[0-9a-f]{16}$/),
    detail: z.string().nullable(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    signature: z.string().min(1),
  })
  .strict();

const fileEntry = z.object({ rows: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().positive(),
  sender: party.extend({ officeName: z.string(), nodeId: z.string().min(1) }),
  recipients: z.array(party.extend({ name: z.string() })).min(1),
  createdAt: z.iso.datetime(),
  sequence: z.number().int().positive(),
  scope: z.discriminatedUnion('kind', [z.object({ kind: z.literal('all'), ...scopeLimits }), z.object({ kind: z.literal('since'), since: z.string(), ...scopeLimits })]),
  tables: z.record(z.string(), fileEntry),
  /** `report`: an aggregate-only report (`report.jsonl`, no records); absent: records. */
  content: z.enum(['records', 'report']).optional(),
  report: fileEntry.optional(),
  /** Where the sender's audit chain stood when it sent, signed with its office key. */
  anchor: anchorSchema.optional(),
});

export type BundleManifest = z.infer<typeof manifestSchema>;

export const tableFile = (table: string) => `tables/${table}.jsonl`;
export const REPORT_FILE = 'report.jsonl';

export function parseManifest(bytes: Uint8Array | undefined): BundleManifest {
  if (!bytes) throw new ServiceError('INVALID_INPUT', 'bundle.badManifest', { reason: '缺少 manifest.json' });
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw new ServiceError('INVALID_INPUT', 'bundle.badManifest', { reason: '不是有效的 JSON' });
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > BUNDLE_VERSION) {
    throw new ServiceError('INVALID_INPUT', 'bundle.newerVersion', { version, supported: BUNDLE_VERSION });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ServiceError('INVALID_INPUT', 'bundle.badManifest', { reason: `${issue.path.join('.') || '（根）'}：${issue.message}` });
  }
  return parsed.data;
}

/** The signed trusted comment: it repeats the sender, node, sequence and recipients the manifest names. */
export function trustedComment(m: Pick<BundleManifest, 'sender' | 'sequence' | 'recipients'>): string {
  return `griddesk-bundle v${BUNDLE_VERSION} sender=${m.sender.officeCode} node=${m.sender.nodeId} seq=${m.sequence} to=${m.recipients.map((r) => r.officeCode).join(',')}`;
}

export function parseTrustedComment(comment: string): { sender: string; node: string; seq: number; to: string[] } | null {
  const m = /^griddesk-bundle v\d+ sender=(\S+) node=(\S+) seq=(\d+) to=(\S*)$/.exec(comment);
  return m ? { sender: m[1]!, node: m[2]!, seq: Number(m[3]), to: m[4]!.split(',').filter(Boolean) } : null;
}
