import { z } from 'zod';
import { mutation, query } from './define';

export interface AuditEntry {
  seq: number;
  at: number;
  actorId: string;
  actorName: string;
  actorRole: string;
  action: string;
  target: string | null;
  /** The target in words, read now (a building's address, a round's or compound's name, what a status change covered), or null. */
  targetName: string | null;
  detail: unknown;
}

export type AuditProblem = 'altered' | 'removed' | 'inserted' | 'head-mismatch' | 'anchor-mismatch' | 'anchor-missing' | 'anchor-forged';

/** A restore the chain records: the restored chain goes on after the replaced chain's last number. */
export interface RestoreNote {
  /** The restore's own entry. */
  seq: number;
  at: number;
  actorName: string;
  /** The backup's file name. */
  backup: string | null;
  /** Where the replaced database was kept. */
  setAsideAs: string | null;
  /** The replaced chain's numbers the restored chain skips (they were never reused), or null. */
  skipped: [number, number] | null;
  /** The replaced chain's last entry, when it could be read. */
  replacedHead: { seq: number; hash: string } | null;
  /** The anchors (first, last number) made on the replaced chain after the backup, or null. */
  replacedAnchors: [number, number] | null;
  /** Whether an anchor signed by the office key at the restore itself confirms it. */
  signed: boolean;
}

/** What the check against the signed anchors found. */
export interface AnchorNote {
  /** Distinct anchors checked: in the database, the anchor file beside it and the backups. */
  checked: number;
  latest: { seq: number; at: number; reason: string; actorName: string; auditSeq: number } | null;
  /** Anchors recognised as belonging to a chain a restore replaced (not compared with this chain). */
  replaced: number[];
  /** Whether the public key was confirmed by the office key unwrapped at sign-in (else read from keyring.json only). */
  keyConfirmed: boolean;
  /** In Chinese: what could not be checked. */
  warnings: string[];
}

export type AuditVerification =
  | { ok: true; entries: number; head: string; restores: RestoreNote[]; anchors?: AnchorNote }
  | {
      ok: false;
      entries: number;
      /** The first problem; `anchor` names the first anchor that no longer matches, when that is the problem. */
      firstBad: { seq: number; problem: AuditProblem; message: string; anchor?: number };
      restores: RestoreNote[];
      anchors?: AnchorNote;
    };

export const auditMethods = {
  'audit.query': query<{ entries: AuditEntry[]; nextBeforeSeq: number | null }>({ permission: 'audit.read' })(
    z
      .object({
        from: z.number().int().optional(),
        to: z.number().int().optional(),
        actorId: z.string().max(64).optional(),
        action: z.string().max(64).optional(),
        target: z.string().max(200).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        beforeSeq: z.number().int().positive().optional(),
      })
      .strict(),
  ),
  'audit.actions': query<string[]>({ permission: 'audit.read' })(z.object({}).strict()),
  'audit.verify': query<AuditVerification>({ permission: 'audit.read' })(z.object({}).strict()),
  'people.reveal': mutation<{ value: string }>({ permission: 'personal.reveal' })(
    z
      .object({
        personId: z.string().uuid(),
        field: z.enum(['phone', 'idNumber']),
        reason: z.string().trim().min(2, '请填写查看原因（至少 2 个字）').max(200),
      })
      .strict(),
  ),
};
