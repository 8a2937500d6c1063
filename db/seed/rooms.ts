/** Room labels as written on doors: 「2单元301」 in buildings, 「东院3号」 or 「12号院2室」 in alleys. */
import type { Random } from '../../maps/random';
import type { BuildingDraft } from './territory';

const YARDS = ['东院', '西院', '南院', '北院', '前院', '后院'];

/** One label per household, in the order of the building's household plan. */
export function roomLabels(b: BuildingDraft, rng: Random): string[] {
  const rooms: string[] = [];
  if (b.kind === 'alley') {
    const total = b.households;
    if (rng.chance(0.5)) {
      let number = rng.int(1, 60);
      while (rooms.length < total) {
        const inYard = Math.min(rng.int(2, 4), total - rooms.length);
        for (let r = 1; r <= inYard; r++) rooms.push(`${number}号院${r}室`);
        number += rng.int(1, 2);
      }
    } else {
      const yards = rng.shuffle([...YARDS]).slice(0, Math.min(YARDS.length, Math.max(2, Math.ceil(total / 4))));
      const perYard = Math.ceil(total / yards.length);
      for (let i = 0; i < total; i++) rooms.push(`${yards[Math.floor(i / perYard)]}${(i % perYard) + 1}号`);
    }
    return rooms;
  }
  b.units.forEach((households, u) => {
    const perFloor = Math.max(1, Math.round(households / b.floors));
    for (let i = 0; i < households; i++) {
      const floor = Math.floor(i / perFloor) + 1;
      const door = (i % perFloor) + 1;
      rooms.push(`${u + 1}单元${floor}${String(door).padStart(2, '0')}`);
    }
  });
  return rooms;
}
