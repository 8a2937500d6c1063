import type { MapLayers, MapStatusChanges } from '../../../electron/api';

const indexes = new WeakMap<readonly string[], Map<string, number>>();

/** Position of each building id in the map's columns (built once per ids array). */
export function buildingIndex(ids: readonly string[]): Map<string, number> {
  let index = indexes.get(ids);
  if (!index) {
    index = new Map();
    for (let i = 0; i < ids.length; i++) index.set(ids[i] as string, i);
    indexes.set(ids, index);
  }
  return index;
}

/**
 * The map's data with these statuses applied, at `revision`; `changed` counts the buildings whose
 * status is now another. Ids the map does not have (another grid's, or a building added since the
 * map loaded) are left out.
 */
export function applyStatusChanges(layers: MapLayers, changes: MapStatusChanges, revision: number): { layers: MapLayers; changed: number } {
  const { ids, statuses } = layers.buildings;
  const index = buildingIndex(ids);
  let next: string[] | null = null;
  let changed = 0;
  for (const [status, changedIds] of Object.entries(changes)) {
    for (const id of changedIds) {
      const i = index.get(id);
      if (i === undefined || statuses[i] === status) continue;
      next ??= statuses.slice();
      next[i] = status;
      changed++;
    }
  }
  const buildings = next ? { ...layers.buildings, statuses: next } : layers.buildings;
  return { layers: { ...layers, revision, buildings }, changed };
}

/**
 * Values by building id laid out in the map's column order (the as-of and screening layers);
 * a building the answer does not have gets `missing`.
 */
export function alignById<T, M>(ids: readonly string[], byId: Readonly<Record<string, T>>, missing: M): (T | M)[] {
  const out = new Array<T | M>(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as string;
    out[i] = Object.prototype.hasOwnProperty.call(byId, id) ? (byId[id] as T) : missing;
  }
  return out;
}
