import { describe, expect, it } from 'vitest';
import { availabilityText, hasPart, hourRanges, partMask, togglePart, type AvailabilityWords } from '../../../renderer/features/volunteers/availability';
import { volunteerMergeZhCN } from '../../../renderer/i18n/volunteer-merge-messages';
import { volunteersZhCN } from '../../../renderer/i18n/volunteers-messages';

const words: Record<string, string> = { ...volunteersZhCN, ...volunteerMergeZhCN };
const t: AvailabilityWords = (key) => words[key] ?? key;

describe('the weekly availability grid', () => {
  it('ticks a part of a day into the staffing rule’s hour bits, keeping the other hours', () => {
    expect(partMask('morning')).toBe(0b111111 << 6);
    const week = togglePart([0b11, 0, 0, 0, 0, 0, 0], 0, 'night', true);
    expect(week[0]).toBe((0b11 | (0b111111 << 18)) >>> 0);
    expect(hasPart(week[0]!, 'night')).toBe(true);
    expect(togglePart(week, 0, 'night', false)).toEqual([0b11, 0, 0, 0, 0, 0, 0]);
  });

  it('says the week in words: whole parts by name, other hours as ranges, nothing declared as any time', () => {
    expect(availabilityText(null, t)).toBe('未填写（随时）');
    expect(availabilityText([partMask('morning') | partMask('afternoon'), 0, 0, 0, 0, partMask('night'), 0], t)).toBe('周一上午下午、周六晚上');
    const evenings = (((1 << 23) - 1) & ~((1 << 17) - 1)) >>> 0;
    expect(hourRanges(evenings)).toEqual([[17, 23]]);
    expect(availabilityText([evenings, 0, 0, 0, 0, 0, 0], t)).toBe('周一 17–23 时');
  });
});
