import type { MapLayers } from '../../../electron/api';
import { gridLabel } from '../../../messages';

export interface GridOptionGroup {
  label: string;
  title: string;
  options: { value: string; label: string }[];
}

/** Grids grouped by community for a Select, labelled 「社区名 · 第N网格」. */
export function gridOptions(layers: MapLayers | undefined): GridOptionGroup[] {
  if (!layers) return [];
  return layers.communities
    .map((c) => ({
      label: c.name,
      title: c.name,
      options: layers.grids
        .filter((g) => g.communityId === c.id)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((g) => ({ value: g.id, label: gridLabel(c.name, g.name) })),
    }))
    .filter((group) => group.options.length > 0);
}

/** Grid id → 「社区名 · 第N网格」. */
export function gridNames(layers: MapLayers | undefined): Map<string, string> {
  const names = new Map<string, string>();
  for (const group of gridOptions(layers)) for (const option of group.options) names.set(option.value, option.label);
  return names;
}
