import { z } from 'zod';
import type { JobInfo } from './jobs';
import { mutation, query } from './define';
import { idSchema, instantSchema, limitedText, textLength, type PagedResult } from './common';

import {
  requestKinds,
  requestLevels,
  requestSources,
  requestStates,
  satisfactions,
  type RequestKind,
  type RequestLevel,
  type RequestSource,
  type RequestState,
  type Satisfaction,
} from '../../messages/requests';

export {
  requestKinds,
  needRequestKinds,
  requestSources,
  requestStates,
  requestLevels,
  satisfactions,
  RESPOND_WITHIN_MS,
  RESOLVE_WITHIN_MS,
} from '../../messages/requests';
export type { RequestKind, RequestLevel, RequestSource, RequestState, Satisfaction };

/** Limits, in characters as a person counts them (`textLength`). */
export const REQUEST_TITLE_MAX = 60;
export const REQUEST_TEXT_MAX = 500;
export const REQUEST_NAME_MAX = 40;

export type RequestAction = 'create' | 'accept' | 'assign' | 'resolve' | 'revisit' | 'escalate';

export interface RequestEvent {
  id: string;
  at: number;
  action: RequestAction;
  actor: string;
  fromState: RequestState | null;
  toState: RequestState;
  note: string | null;
}

/** One line of the queue. */
export interface RequestRow {
  id: string;
  kind: RequestKind;
  title: string;
  source: RequestSource;
  state: RequestState;
  level: RequestLevel;
  buildingId: string;
  address: string;
  communityName: string;
  /** The grid, named with its community. */
  gridName: string;
  requester: string | null;
  handler: string | null;
  receivedAt: number;
  /** The limit that applies now (respond, or resolve what went up), or null when none does. */
  dueAt: number | null;
  /** Past its limit now. */
  overdue: boolean;
  /** When it was escalated (督办), kept after it is handled. */
  escalatedAt: number | null;
}

export interface RequestDetail extends RequestRow {
  description: string | null;
  householdId: string | null;
  room: string | null;
  reportedBy: string;
  acceptedAt: number | null;
  acceptedBy: string | null;
  resolvedAt: number | null;
  resolvedBy: string | null;
  resolution: string | null;
  revisitedAt: number | null;
  satisfaction: Satisfaction | null;
  revisitNote: string | null;
  history: RequestEvent[];
}

/** What the bell and the map show: overdue requests in the caller's scope. */
export interface RequestAlerts {
  overdue: number;
  latest: { id: string; title: string; buildingId: string; address: string; dueAt: number }[];
  /** Buildings with an overdue request, where the map marks them. */
  buildings: { id: string; centroid: [number, number]; overdue: number }[];
}

export const requestFilterSchema = z
  .object({
    communityId: idSchema.optional(),
    gridId: idSchema.optional(),
    buildingId: idSchema.optional(),
    kinds: z.array(z.enum(requestKinds)).max(requestKinds.length).optional(),
    states: z.array(z.enum(requestStates)).max(requestStates.length).optional(),
    sources: z.array(z.enum(requestSources)).max(requestSources.length).optional(),
    overdue: z.boolean().optional(),
    /** Needs or incidents only (the overview's figures). */
    group: z.enum(['need', 'incident']).optional(),
    /** Open: not yet resolved. */
    open: z.boolean().optional(),
  })
  .strict();
export type RequestFilter = z.infer<typeof requestFilterSchema>;

const nameText = limitedText(REQUEST_NAME_MAX, `最多 ${REQUEST_NAME_MAX} 个字`);
const noteText = limitedText(REQUEST_TEXT_MAX, `最多 ${REQUEST_TEXT_MAX} 个字`);
const atLeast2 = (s: string) => textLength(s) >= 2;

export const requestMethods = {
  'requests.list': query<PagedResult<RequestRow>>({ permission: 'requests.read' })(
    z
      .object({
        filter: requestFilterSchema.default({}),
        page: z.number().int().min(1).default(1),
        pageSize: z.number().int().min(10).max(200).default(50),
      })
      .strict(),
  ),
  'requests.get': query<RequestDetail>({ permission: 'requests.read' })(z.object({ id: idSchema }).strict()),
  'requests.alerts': query<RequestAlerts>({ permission: 'requests.read' })(z.object({}).strict().default({})),
  'requests.create': mutation<RequestDetail>({ permission: 'requests.handle', invalidates: ['requests', 'buildings'] })(
    z
      .object({
        buildingId: idSchema,
        householdId: idSchema.optional(),
        kind: z.enum(requestKinds),
        title: limitedText(REQUEST_TITLE_MAX, `标题最多 ${REQUEST_TITLE_MAX} 个字`).refine(atLeast2, { message: '请填写标题（至少 2 个字）' }),
        description: noteText.optional(),
        source: z.enum(requestSources),
        requester: nameText.optional(),
        level: z.enum(requestLevels).default('community'),
        handler: nameText.optional(),
        receivedAt: instantSchema.optional(),
      })
      .strict(),
  ),
  'requests.accept': mutation<RequestDetail>({ permission: 'requests.handle', invalidates: ['requests', 'buildings'] })(
    z.object({ id: idSchema, handler: nameText.optional(), level: z.enum(requestLevels).optional(), note: noteText.optional() }).strict(),
  ),
  'requests.assign': mutation<RequestDetail>({ permission: 'requests.handle', invalidates: ['requests', 'buildings'] })(
    z
      .object({
        id: idSchema,
        handler: nameText.refine((s) => s.length > 0, { message: '请填写负责人或单位' }),
        level: z.enum(requestLevels).optional(),
        note: noteText.optional(),
      })
      .strict(),
  ),
  'requests.resolve': mutation<RequestDetail>({ permission: 'requests.handle', invalidates: ['requests', 'buildings'] })(
    z.object({ id: idSchema, resolution: noteText.refine(atLeast2, { message: '请写明办理结果（至少 2 个字）' }) }).strict(),
  ),
  'requests.revisit': mutation<RequestDetail>({ permission: 'requests.handle', invalidates: ['requests', 'buildings'] })(
    z.object({ id: idSchema, satisfaction: z.enum(satisfactions), note: noteText.optional() }).strict(),
  ),
  /** Starts a job writing the filtered queue as an .xlsx workbook; its file is then downloaded. */
  'requests.export': mutation<JobInfo>({ permission: 'requests.read', invalidates: ['jobs'], job: true })(
    z.object({ filter: requestFilterSchema.default({}) }).strict(),
  ),
};
