/** Floors, units and households of a demo building, plausible for its shape and compound kind. */
import type { Random } from '../../maps/random';
import type { BuildingShape, CompoundKind } from '../../maps/layout';

export interface BuildingSize {
  floors: number;
  /** Households of each unit (单元), unit 1 first. */
  units: number[];
}

export function buildingSize(shape: BuildingShape, kind: CompoundKind, length: number, rng: Random): BuildingSize {
  let floors: number, unitCount: number, perFloor: number;
  switch (shape) {
    case 'alley':
      floors = rng.weighted([2, 3], [0.7, 0.3]);
      unitCount = 1;
      perFloor = rng.int(2, 3);
      break;
    case 'tower':
      floors = rng.int(18, 33);
      unitCount = 1;
      perFloor = rng.weighted([2, 3, 4], [0.5, 0.35, 0.15]);
      break;
    case 'slab':
      floors = rng.chance(0.8) ? rng.int(6, 11) : rng.int(12, 18);
      unitCount = length >= 54 ? 3 : 2;
      perFloor = 2;
      break;
    default:
      if (kind === 'open') {
        floors = rng.int(3, 6);
        unitCount = length < 40 ? 1 : 2;
        perFloor = rng.chance(0.2) ? 3 : 2;
      } else {
        floors = rng.weighted([2, 3, 4, 5], [0.2, 0.35, 0.3, 0.15]);
        unitCount = length < 30 ? 1 : 2;
        perFloor = 2;
      }
  }
  return { floors, units: Array.from({ length: unitCount }, () => floors * perFloor) };
}
