import type { MapLayers } from '../../../electron/api';
import { gridLabel } from '../../../messages';

export interface Option {
  value: string;
  label: string;
}

/** Grid ids a user is limited to (a grid worker's grids), or null for the whole street. */
export type GridLimit = readonly string[] | null;

/** Communities by code, for a Select; with a limit, only those holding one of its grids. */
export function communityOptions(layers: MapLayers | undefined, limit: GridLimit = null): Option[] {
  if (!layers) return [];
  const holding = limit ? new Set(layers.grids.filter((g) => limit.includes(g.id)).map((g) => g.communityId)) : null;
  return [...layers.communities]
    .filter((c) => !holding || holding.has(c.id))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((c) => ({ value: c.id, label: c.name }));
}

/** Grids of one community (or of all), by code, each named with its community. */
export function gridOptionsOf(layers: MapLayers | undefined, communityId: string | undefined, limit: GridLimit = null): Option[] {
  if (!layers) return [];
  const names = new Map(layers.communities.map((c) => [c.id, c.name]));
  return layers.grids
    .filter((g) => !communityId || g.communityId === communityId)
    .filter((g) => !limit || limit.includes(g.id))
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((g) => ({ value: g.id, label: gridLabel(names.get(g.communityId) ?? '', g.name) }));
}

/** A grid worker sees and filters only their own grids; everyone else the whole street. */
export function gridLimitOf(user: { role: string; gridIds: readonly string[] }): GridLimit {
  return user.role === 'grid_worker' ? user.gridIds : null;
}
