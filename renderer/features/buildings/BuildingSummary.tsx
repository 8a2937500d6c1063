import type { BuildingDetail } from '../../../electron/api';

/** Counts by group, open needs and incidents of a building: shown in the map's panel and on the building page. */
export function BuildingSummary(_props: { detail: BuildingDetail }) {
  return null;
}
