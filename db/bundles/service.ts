/** The 数据交换 services over a `ServiceContext`: what the contract's `bundles.*` methods call. */
import type { BundleConflict, BundleIdentity, BundleLogEntry, BundlePartner, BundlePreview } from '../../electron/api/bundles';
import QRCode from 'qrcode';
import type { ServiceContext } from '../context';
import { openStoredFile } from '../files/store';
import { openConflicts, resolveConflict } from './conflicts';
import { readBundleFile } from './container';
import { previewBundle, type Party, type PreviewStep } from './exchange';
import { fingerprint, keyCardText } from './key-card';
import { requireIdentity, selfParty } from './office';
import { addPartner, listPartners, revokePartner } from './trust-list';

export function partyOf(ctx: ServiceContext): Party & { clock: ServiceContext['clock'] } {
  return { sqlite: ctx.sqlite, identity: requireIdentity(ctx.dataDir), nodeId: ctx.nodeId, actor: ctx.actor, clock: ctx.clock, dataDir: ctx.dataDir };
}

export async function bundleIdentity(ctx: ServiceContext): Promise<BundleIdentity> {
  const self = selfParty(ctx.sqlite, ctx.nodeId, requireIdentity(ctx.dataDir));
  const card = keyCardText(self);
  return { ...self, fingerprint: fingerprint(self), card, qrSvg: await QRCode.toString(card, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }) };
}

export function bundlePartners(ctx: ServiceContext): BundlePartner[] {
  return listPartners(ctx.sqlite);
}

export function addBundlePartner(ctx: ServiceContext, input: { card: string }): BundlePartner {
  return addPartner(ctx.sqlite, ctx.actor, input.card, requireIdentity(ctx.dataDir).keyId);
}

export function revokeBundlePartner(ctx: ServiceContext, input: { id: string }): BundlePartner {
  return revokePartner(ctx.sqlite, ctx.actor, input.id);
}

/** The uploaded bundle's bytes (size and first bytes checked before it is read). */
export function uploadedBundle(ctx: ServiceContext, fileId: string): Promise<Uint8Array> {
  return readBundleFile(openStoredFile(ctx.dataDir, fileId, ctx.actor).path);
}

/** The dry run of an uploaded bundle; `step` reports each step done and may throw to stop it. */
export async function previewUploadedBundle(ctx: ServiceContext, input: { fileId: string }, step?: PreviewStep): Promise<BundlePreview> {
  return previewBundle(partyOf(ctx), await uploadedBundle(ctx, input.fileId), { step });
}

interface LogRow {
  id: string;
  direction: 'sent' | 'received';
  sender_code: string;
  sender_key_id: string;
  recipient_codes: string;
  sequence: number;
  file_name: string;
  rows: number;
  summary: string;
  at: number;
}

export function bundleHistory(ctx: ServiceContext): BundleLogEntry[] {
  return ctx.sqlite
    .prepare<[], LogRow>('SELECT * FROM bundle_log ORDER BY at DESC, id DESC LIMIT 200')
    .all()
    .map((r) => ({
      id: r.id,
      direction: r.direction,
      senderCode: r.sender_code,
      senderKeyId: r.sender_key_id,
      recipientCodes: JSON.parse(r.recipient_codes) as string[],
      sequence: r.sequence,
      fileName: r.file_name,
      rows: r.rows,
      summary: JSON.parse(r.summary) as Record<string, number>,
      at: r.at,
    }));
}

export function bundleConflicts(ctx: ServiceContext): BundleConflict[] {
  return openConflicts(ctx.sqlite);
}

export function resolveBundleConflict(ctx: ServiceContext, input: { id: string; choice: 'mine' | 'theirs' }): BundleConflict {
  return resolveConflict(ctx, input.id, input.choice);
}
