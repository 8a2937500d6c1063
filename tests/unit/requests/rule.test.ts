import { describe, expect, it } from 'vitest';
import { dueAtFor, isOverdue } from '../../../db/requests/rule';

const HOUR = 3_600_000;
const T = 1_780_000_000_000;

describe('the 24-hour / 3-day rule', () => {
  it('holds a request awaiting response to 24 hours from receipt, whatever its level', () => {
    for (const level of ['spot', 'community', 'street', 'higher'] as const) expect(dueAtFor('pending', level, T)).toBe(T + 24 * HOUR);
  });

  it('holds what went up (上报上级) to 3 days from receipt while in hand, and nothing else once accepted', () => {
    expect(dueAtFor('handling', 'higher', T)).toBe(T + 72 * HOUR);
    for (const level of ['spot', 'community', 'street'] as const) expect(dueAtFor('handling', level, T)).toBeNull();
    for (const state of ['resolved', 'revisited'] as const) expect(dueAtFor(state, 'higher', T)).toBeNull();
  });

  it('is in time exactly at the limit and overdue one millisecond after', () => {
    const respond = dueAtFor('pending', 'community', T);
    expect(isOverdue(respond, T + 24 * HOUR)).toBe(false);
    expect(isOverdue(respond, T + 24 * HOUR + 1)).toBe(true);
    const resolve = dueAtFor('handling', 'higher', T);
    expect(isOverdue(resolve, T + 72 * HOUR)).toBe(false);
    expect(isOverdue(resolve, T + 72 * HOUR + 1)).toBe(true);
    expect(isOverdue(null, T + 1000 * HOUR)).toBe(false);
  });
});
