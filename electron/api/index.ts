import type { z } from 'zod';
import type { ApiResponse, MethodSpec } from './define';
import type { PushEventName, PushEvents } from './events';
import { systemMethods } from './system';
import { mapMethods } from './map';
import { buildingMethods } from './buildings';
import { statusMethods } from './status';
import { screeningMethods } from './screening';
import { authMethods } from './auth';
import { auditMethods } from './audit';
import { backupMethods } from './backups';
import { importMethods } from './imports';
import { jobMethods } from './jobs';
import { searchMethods } from './search';
import { overviewMethods } from './overview';
import { reportMethods } from './report';
import { requestMethods } from './requests';
import { briefingMethods } from './briefing';
import { wallMethods } from './wall';
import { bundleMethods } from './bundles';
import { staffingMethods } from './staffing';
import { territoryMethods } from './territory';
import { volunteerServiceMethods } from './volunteer-service';
import { volunteerMethods } from './volunteers';
import { territoryEditMethods } from './territory-edit';
import { basemapMethods } from './basemap';

/**
 * The contract: every method the renderer may call. Adding a domain means adding its file
 * here and its handlers in `electron/rpc/handlers`; the types keep the two in step.
 */
export const contract = {
  ...systemMethods,
  ...mapMethods,
  ...buildingMethods,
  ...statusMethods,
  ...screeningMethods,
  ...authMethods,
  ...auditMethods,
  ...backupMethods,
  ...importMethods,
  ...jobMethods,
  ...searchMethods,
  ...overviewMethods,
  ...reportMethods,
  ...requestMethods,
  ...briefingMethods,
  ...wallMethods,
  ...bundleMethods,
  ...staffingMethods,
  ...territoryMethods,
  ...volunteerServiceMethods,
  ...volunteerMethods,
  ...territoryEditMethods,
  ...basemapMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = Contract[M] extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInput<M extends MethodName> = Contract[M] extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type MethodResult<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Methods a caller may use without a signed-in, unlocked session: signing in. */
export const PUBLIC_METHODS: readonly MethodName[] = (Object.keys(contract) as MethodName[]).filter((m) => contract[m].permission === 'public');

/** A file the user handed over, now in the file store under its id. */
export interface UploadedFile {
  fileId: string;
  name: string;
  size: number;
}

/**
 * Files cross by stream, never inside a call: browser mode uploads and downloads over HTTP, the
 * desktop app copies through the main process (the page never sees a path).
 */
export interface GridDeskFiles {
  /** Stores a file the user picked; `onProgress` reports bytes sent where the transport can tell. */
  upload(file: File, onProgress?: (sent: number, total: number) => void): Promise<ApiResponse<UploadedFile>>;
  /** Saves a stored file where the user chooses (a save dialog, or the browser's download). */
  save(fileId: string, name: string): Promise<ApiResponse<{ saved: boolean }>>;
}

/** How one call is sent: a change carries the client's id for it, the same on every retry. */
export interface CallOptions {
  requestId?: string;
}

/** What `window.api` is, in Electron (preload) and in browser mode (HTTP client) alike. */
export interface GridDeskApi {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>, options?: CallOptions): Promise<ApiResponse<MethodResult<M>>>;
  subscribe<E extends PushEventName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
  files: GridDeskFiles;
}

/** Name of the single IPC channel all calls go through. */
export const RPC_CHANNEL = 'griddesk:rpc';
/** Name of the IPC channel push events arrive on. */
export const PUSH_CHANNEL = 'griddesk:push';
/** Name of the IPC channel file hand-overs (upload from a picked file, save to a chosen place) go through. */
export const FILES_CHANNEL = 'griddesk:files';

export type { ApiError, ApiResponse, ErrorCode } from './define';
export { errorCodes } from './define';
export type { PushEvents, PushEventName } from './events';
export { pushEventNames } from './events';
export * from './common';
export type * from './system';
export type { WallDisplay, WallPairingCode } from './wall';
export { WALL_METHODS, WALL_EVENTS, WALL_CODE_MINUTES } from './wall';
export type * from './map';
export type * from './buildings';
export type * from './status';
export type * from './screening';
export type * from './territory';
export type * from './territory-edit';
export type * from './basemap';
export { residentTagKinds, buildingSortKeys } from './buildings';
export { visitResults } from './screening';
export type * from './auth';
export type * from './audit';
export type * from './backups';
export type * from './imports';
export { importKinds, importOutcomes } from './imports';
export type * from './jobs';
export { jobStates } from './jobs';
export type * from './search';
export { searchAreaKinds } from './search';
export type * from './overview';
export { overviewSinceKinds } from './overview';
export type * from './report';
export type * from './requests';
export {
  requestKinds, needRequestKinds, requestSources, requestStates, requestLevels, satisfactions, RESPOND_WITHIN_MS, RESOLVE_WITHIN_MS,
  REQUEST_TITLE_MAX, REQUEST_TEXT_MAX, REQUEST_NAME_MAX,
} from './requests';
export type * from './briefing';
export { briefingPanels, briefingFigureKeys, BRIEFING_INTERVAL, BRIEFING_STALE_AFTER } from './briefing';
export type * from './staffing';
export { postKinds, staffingRules, dutyOrigins } from './staffing';
export { roleSchema } from './auth';
export type * from './bundles';
export { permissions, type Permission, type Access, type DataDomain } from './permissions';
export type * from './volunteer-service';
export { teamKinds, teamLevelKeys, recognitionTitleKeys, DEFAULT_ACTIVE_HOURS } from './volunteer-service';
export type * from './volunteers';
export { volunteerKinds, volunteerStatuses, VOLUNTEER_KIND_LABELS, VOLUNTEER_STATUS_LABELS, ROSTER_PAGE_MAX } from './volunteers';
