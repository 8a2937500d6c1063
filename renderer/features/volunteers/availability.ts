
/** The three parts of a day the form offers, as hour ranges [from, to) of the staffing rule's 24-bit masks. */
export const DAY_PARTS = [
  { key: 'morning', from: 6, to: 12 },
  { key: 'afternoon', from: 12, to: 18 },
  { key: 'night', from: 18, to: 24 },
] as const;
export type DayPart = (typeof DAY_PARTS)[number]['key'];

/** The words the line needs (the page's `t` is one). */
export type AvailabilityWords = (key: 'volunteers.availability.any' | `volunteers.availability.${DayPart}` | `volunteers.day.${0 | 1 | 2 | 3 | 4 | 5 | 6}`) => string;

const bits = (from: number, to: number) => ((1 << to) - 1) & ~((1 << from) - 1);
export const partMask = (part: DayPart): number => {
  const p = DAY_PARTS.find((x) => x.key === part)!;
  return bits(p.from, p.to) >>> 0;
};

/** Whether the day's mask covers the whole part (free every hour of it). */
export const hasPart = (mask: number, part: DayPart): boolean => (mask & partMask(part)) === partMask(part);

/** Turns a part of a day on or off in a week of masks (Monday first). */
export function togglePart(week: readonly number[], day: number, part: DayPart, on: boolean): number[] {
  return week.map((m, i) => (i !== day ? m : on ? (m | partMask(part)) >>> 0 : (m & ~partMask(part)) >>> 0));
}

/** The free hours of a day as ranges: 0x00ff00 → [[8, 16]]. */
export function hourRanges(mask: number): [number, number][] {
  const out: [number, number][] = [];
  for (let h = 0; h < 24; h++) {
    if (!(mask & (1 << h))) continue;
    const last = out[out.length - 1];
    if (last && last[1] === h) last[1] = h + 1;
    else out.push([h, h + 1]);
  }
  return out;
}

/** 「周一上午下午、周六 7–15 时」 — the declared week in words; none declared is 「未填写（随时）」. */
export function availabilityText(week: readonly number[] | null, t: AvailabilityWords): string {
  if (!week) return t('volunteers.availability.any');
  const days = week.flatMap((m, day) => {
    if (m === 0) return [];
    const name = t(`volunteers.day.${day as 0}`);
    const parts = DAY_PARTS.filter((p) => hasPart(m, p.key));
    const covered = parts.reduce((acc, p) => acc | partMask(p.key), 0) >>> 0;
    if (covered === m >>> 0) return [`${name}${parts.map((p) => t(`volunteers.availability.${p.key}`)).join('')}`];
    return [`${name} ${hourRanges(m).map(([a, b]) => `${a}–${b}`).join('，')} 时`];
  });
  return days.length ? days.join('、') : '—';
}
