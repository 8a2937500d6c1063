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

export type AuditVerification =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; firstBad: { seq: number; problem: string; message: string } };

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
