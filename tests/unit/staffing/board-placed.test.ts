import { describe, expect, it } from 'vitest';
import type { BoardCell, StaffingBoard } from '../../../electron/api/staffing';
import { PLACING_ID, withPlaced } from '../../../renderer/features/staffing/board-placed';

const cell = (date: string, templateId: string, names: string[]): BoardCell => ({
  date,
  templateId,
  startsAt: 0,
  endsAt: 1,
  needed: 2,
  people: names.map((n) => ({ assignmentId: `a-${n}`, personId: `p-${n}`, name: n, signedInAt: null, signedOutAt: null, noShow: false, overridden: [], overrideReason: null })),
  handoverIn: null,
  handoversOut: 0,
});

function board(): StaffingBoard {
  const post = (id: string) => ({ id, name: id, kind: 'checkpoint', gridId: null, staffNeeded: 2, skills: [], templates: [], cells: [cell('2026-12-03', 't1', ['甲']), cell('2026-12-04', 't1', ['乙', '丙'])] });
  return {
    from: '2026-12-03',
    days: ['2026-12-03', '2026-12-04'],
    today: '2026-12-03',
    communities: [
      { id: 'c1', name: '一社区', posts: [post('p1'), post('p2')] },
      { id: 'c2', name: '二社区', posts: [post('p3')] },
    ],
    totals: { shifts: 6, needed: 12, filled: 9, gaps: 3 },
  };
}

describe('a drop shown before the service answers', () => {
  it('adds the person to that cell only; every other community, post and cell keeps its object', () => {
    const before = board();
    const after = withPlaced(before, { postId: 'p2', templateId: 't1', date: '2026-12-03' }, { id: 'p-丁', name: '丁' });
    const [c1, c2] = after.communities;
    expect(c2).toBe(before.communities[1]);
    expect(c1!.posts[0]).toBe(before.communities[0]!.posts[0]);
    const changed = c1!.posts[1]!;
    expect(changed.cells[1]).toBe(before.communities[0]!.posts[1]!.cells[1]);
    expect(changed.cells[0]!.people.map((p) => [p.name, p.assignmentId])).toEqual([
      ['甲', 'a-甲'],
      ['丁', `${PLACING_ID}p-丁`],
    ]);
    // The shift was short by one: now it is filled, and one gap fewer.
    expect(after.totals).toEqual({ shifts: 6, needed: 12, filled: 10, gaps: 2 });
    expect(before.communities[0]!.posts[1]!.cells[0]!.people).toHaveLength(1);
  });

  it('leaves the board as it is when the person is already there or the cell is not on it', () => {
    const before = board();
    expect(withPlaced(before, { postId: 'p1', templateId: 't1', date: '2026-12-04' }, { id: 'p-乙', name: '乙' })).toBe(before);
    expect(withPlaced(before, { postId: 'p9', templateId: 't1', date: '2026-12-04' }, { id: 'p-戊', name: '戊' })).toBe(before);
    const over = withPlaced(before, { postId: 'p1', templateId: 't1', date: '2026-12-04' }, { id: 'p-戊', name: '戊' });
    expect(over.totals).toEqual(before.totals);
  });
});
