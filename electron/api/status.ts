import { z } from 'zod';
import { mutation, query } from './define';
import type { StatusChange } from './buildings';
import { controlStatusSchema, idSchema, instantSchema, limitedText, reasonSchema, type ControlStatus } from './common';

/** One entry of the configured status list. `rank` 0 is the baseline (正常); higher is stricter. */
export interface StatusDefinition {
  key: ControlStatus;
  label: string;
  labelEn: string;
  /** #rrggbb */
  color: string;
  rank: number;
  retired: boolean;
}

/** Who changed what, when, why, from when and until when. */
export interface StatusChangeResult {
  /** The bulk change's id (also for a single change, so it can be undone the same way). */
  batchId: string;
  /** Buildings whose status was written. */
  changed: number;
  /** Buildings skipped because they already had that status (nothing written for them). */
  unchanged: number;
  at: number;
}

export interface StatusBatch {
  id: string;
  status: ControlStatus;
  reason: string;
  selection: string;
  buildingCount: number;
  changedBy: string;
  changedAt: number;
  effectiveFrom: number;
  effectiveUntil: number | null;
  undoesBatchId: string | null;
  undoneByBatchId: string | null;
}

export interface UndoResult extends StatusChangeResult {
  /** Buildings changed again since the batch, left as they are. */
  skipped: number;
}

/** One building's status as of a moment (the history view). */
export interface BuildingStatusAt {
  at: number;
  status: ControlStatus;
  /** Since when it had that status; null when that is not known (the baseline, before any recorded change). */
  since: number | null;
  /** Until when it was to last, as known at that moment. */
  until: number | null;
}

/** A status with an end date that is close to it, or past it. */
export interface StatusReminder {
  buildingId: string;
  address: string;
  /** 「社区 · 网格」 */
  gridName: string;
  status: ControlStatus;
  effectiveUntil: number;
  /** True once the end date has passed and nobody has extended or lifted the status. */
  overdue: boolean;
}

export interface SafeCompound {
  id: string;
  compoundId: string;
  compoundName: string;
  gridName: string;
  grantedAt: number;
  criteria: string[];
  note: string | null;
  grantedBy: string;
  /** [lat, lng] where the red flag stands. */
  flagAt: [number, number];
}

/** What a bulk change applies to. */
export const selectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('buildings'), ids: z.array(idSchema).max(20_000, '一次最多选择 20000 栋楼') }).strict(),
  z.object({ kind: z.literal('grid'), id: idSchema }).strict(),
  z.object({ kind: z.literal('compound'), id: idSchema }).strict(),
  z.object({ kind: z.literal('community'), id: idSchema }).strict(),
]);
export type Selection = z.infer<typeof selectionSchema>;

const change = {
  status: controlStatusSchema,
  reason: reasonSchema,
  /** Default: now. May lie in the past (recording a decision made earlier), not in the future. */
  effectiveFrom: instantSchema.optional(),
  effectiveUntil: instantSchema.nullable().optional(),
};

export const statusMethods = {
  'statuses.list': query<StatusDefinition[]>({ permission: 'buildings.read' })(z.object({}).strict()),
  /**
   * Create a status or change its label, colour, rank or retirement (administrators). With
   * `create`, the key must be new: an existing status is refused, never replaced.
   */
  'statuses.save': mutation<StatusDefinition>({ permission: 'statuses.configure', invalidates: ['statuses', 'buildings'] })(
    z
      .object({
        key: controlStatusSchema,
        create: z.boolean().optional(),
        label: limitedText(12, '状态名称最多 12 个字').pipe(z.string().min(1, '请填写状态名称')),
        labelEn: limitedText(32, '英文名称最多 32 个字符').pipe(z.string().min(1, '请填写英文名称')),
        color: z.string().regex(/^#[0-9a-fA-F]{6}$/, '颜色须为 #rrggbb'),
        rank: z.number({ error: '等级须为 0–100 的整数' }).int('等级须为整数').min(0, '等级不能小于 0').max(100, '等级最大为 100'),
        retired: z.boolean().default(false),
      })
      .strict(),
  ),
  'buildings.setStatus': mutation<StatusChangeResult>({ permission: 'buildings.edit', invalidates: ['buildings', 'map'] })(z.object({ id: idSchema, ...change }).strict()),
  'buildings.bulkSetStatus': mutation<StatusChangeResult>({ permission: 'buildings.edit', invalidates: ['buildings', 'map'] })(
    z
      .object({
        selection: selectionSchema,
        /** What was selected, in words, for the history and the undo button. */
        selectionLabel: limitedText(80, '选择的说明最多 80 个字').optional(),
        ...change,
      })
      .strict(),
  ),
  /** The caller's most recent bulk change that can still be undone, or null. */
  'buildings.lastBatch': query<StatusBatch | null>({ permission: 'buildings.read' })(z.object({}).strict()),
  'buildings.undoBatch': mutation<UndoResult>({ permission: 'buildings.edit', invalidates: ['buildings', 'map'] })(z.object({ batchId: idSchema }).strict()),
  /** Statuses ending within `withinHours` (default 48) or already overdue, soonest first. */
  'buildings.reminders': query<StatusReminder[]>({ permission: 'buildings.read' })(
    z.object({ withinHours: z.number().int().min(1).max(24 * 30).default(48) }).strict(),
  ),
  /** The full history of one building, newest first. */
  'buildings.history': query<StatusChange[]>({ permission: 'buildings.read' })(z.object({ id: idSchema }).strict()),
  /** Every building's status as of a moment, aligned with `map.layers` buildings.ids. */
  'map.statusAsOf': query<{ at: number; statuses: Record<string, ControlStatus> }>({ permission: 'buildings.read' })(z.object({ at: instantSchema }).strict()),
  /** One building's status as of a moment, by the rule of `map.statusAsOf`. */
  'buildings.statusAt': query<BuildingStatusAt>({ permission: 'buildings.read' })(z.object({ id: idSchema, at: instantSchema }).strict()),
  'compounds.safeList': query<SafeCompound[]>({ permission: 'buildings.read' })(z.object({}).strict()),
  'compounds.designateSafe': mutation<SafeCompound>({ permission: 'buildings.edit', invalidates: ['compounds', 'buildings'] })(
    z
      .object({
        compoundId: idSchema,
        grantedAt: instantSchema,
        criteria: z.array(z.string().trim().min(2).max(60)).min(1, '请至少勾选一项达标条件').max(12),
        note: limitedText(200, '备注最多 200 个字').optional(),
      })
      .strict(),
  ),
  'compounds.revokeSafe': mutation<{ id: string }>({ permission: 'buildings.edit', invalidates: ['compounds', 'buildings'] })(z.object({ id: idSchema, reason: reasonSchema }).strict()),
};
