/** Sizes of the demo street office (see docs: one street office has 10–20 communities, 100–400 grids). */
export type SeedPreset = 'small' | 'default' | 'large';

export interface PresetSize {
  communities: number;
  grids: number;
  buildings: number;
  residents: number;
}

export const SEED_PRESETS: Readonly<Record<SeedPreset, PresetSize>> = {
  small: { communities: 3, grids: 24, buildings: 400, residents: 10_000 },
  default: { communities: 12, grids: 150, buildings: 3_000, residents: 80_000 },
  large: { communities: 20, grids: 400, buildings: 10_000, residents: 300_000 },
};

export function isSeedPreset(value: unknown): value is SeedPreset {
  return typeof value === 'string' && Object.hasOwn(SEED_PRESETS, value);
}
