import { z } from 'zod';
import type { JobInfo } from './jobs';
import { mutation, query } from './define';
import { idSchema, limitedText, type PagedResult } from './common';

export const visitResults = ['pending', 'visited', 'nobody_home', 'refused'] as const;
export type VisitResult = (typeof visitResults)[number];

export interface ScreeningRound {
  id: string;
  number: number;
  name: string;
  scope: { type: 'street' | 'communities' | 'grids'; ids: string[]; label: string };
  startedAt: number;
  startedBy: string;
  closedAt: number | null;
  households: number;
  visited: number;
  nobodyHome: number;
  refused: number;
}

/** Counts of one area (or of the whole round). `done` = visited + refused; nobody_home is queued again. */
export interface ScreeningTally {
  households: number;
  visited: number;
  nobodyHome: number;
  refused: number;
  pending: number;
  returnees: number;
  symptoms: number;
}

export interface ScreeningProgress {
  round: ScreeningRound;
  total: ScreeningTally;
  byGrid: (ScreeningTally & { gridId: string; gridName: string; communityName: string })[];
  /**
   * Per building id: the share of households done (visited or refused), 0–1. A building not
   * listed is outside the round.
   */
  buildingShare: Record<string, number>;
}

export interface ScreeningHousehold {
  householdId: string;
  buildingId: string;
  address: string;
  room: string;
  /** The household's head, name only. */
  headName: string;
  members: number;
  result: VisitResult;
  attempts: number;
  visitedAt: number | null;
  visitedBy: string | null;
  returnee: boolean;
  symptoms: boolean;
  needs: string | null;
  note: string | null;
}

/** What starting a round over a scope would take on, and the rounds still open. */
export interface RoundPreview {
  households: number;
  buildings: number;
  /** Rounds not yet ended, newest first. */
  openRounds: ScreeningRound[];
}

const scopeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('street') }).strict(),
  z.object({ type: z.literal('communities'), ids: z.array(idSchema).min(1, '请至少选择一个社区').max(100) }).strict(),
  z.object({ type: z.literal('grids'), ids: z.array(idSchema).min(1, '请至少选择一个网格').max(1000) }).strict(),
]);

export const screeningMethods = {
  'screening.rounds': query<ScreeningRound[]>({ permission: 'buildings.read' })(z.object({}).strict()),
  /** Starts a job writing one pending visit per household of the scope; a cancel rolls it back. */
  'screening.start': mutation<JobInfo>({ permission: 'screening.run', invalidates: ['jobs'], job: true })(
    z.object({ name: limitedText(40, '名称最多 40 个字').optional(), scope: scopeSchema }).strict(),
  ),
  /** The size of a round over `scope` (households, buildings) and the open rounds, to confirm before starting it. */
  'screening.preview': query<RoundPreview>({ permission: 'screening.run' })(z.object({ scope: scopeSchema }).strict()),
  'screening.close': mutation<ScreeningRound>({ permission: 'screening.run', invalidates: ['screening', 'buildings'] })(z.object({ roundId: idSchema }).strict()),
  'screening.progress': query<ScreeningProgress>({ permission: 'buildings.read' })(z.object({ roundId: idSchema }).strict()),
  /** The households of a round to visit or revisit, filtered by grid or building and result. */
  'screening.households': query<PagedResult<ScreeningHousehold>>({ permission: 'buildings.read' })(
    z
      .object({
        roundId: idSchema,
        gridId: idSchema.optional(),
        buildingId: idSchema.optional(),
        results: z.array(z.enum(visitResults)).max(4).optional(),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(10).max(200).default(50),
      })
      .strict(),
  ),
  'screening.visit': mutation<ScreeningHousehold>({ permission: 'screening.visit', invalidates: ['screening', 'buildings', 'requests'] })(
    z
      .object({
        roundId: idSchema,
        householdId: idSchema,
        result: z.enum(['visited', 'nobody_home', 'refused']),
        findings: z
          .object({
            returnee: z.boolean().default(false),
            symptoms: z.boolean().default(false),
            needs: limitedText(200, '诉求最多 200 个字').optional(),
          })
          .strict()
          .optional(),
        note: limitedText(200, '备注最多 200 个字').optional(),
      })
      .strict(),
  ),
};
