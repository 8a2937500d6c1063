import type { BoardPerson, StaffingBoard } from '../../../electron/api';
import type { CellRef } from './cell-id';

/** The id a person shown on a cell before the service has answered carries. */
export const PLACING_ID = 'placing:';

/**
 * The board with `person` shown on one cell, as the service will have it once the assignment is
 * made: every other community, post and cell keeps its identity, so only that cell draws again.
 */
export function withPlaced(board: StaffingBoard, at: CellRef, person: { id: string; name: string }): StaffingBoard {
  let changed = false;
  const communities = board.communities.map((c) => {
    if (!c.posts.some((p) => p.id === at.postId)) return c;
    return {
      ...c,
      posts: c.posts.map((p) => {
        if (p.id !== at.postId) return p;
        return {
          ...p,
          cells: p.cells.map((cell) => {
            if (cell.templateId !== at.templateId || cell.date !== at.date || cell.people.some((x) => x.personId === person.id)) return cell;
            changed = true;
            const shown: BoardPerson = { assignmentId: `${PLACING_ID}${person.id}`, personId: person.id, name: person.name, signedInAt: null, signedOutAt: null, noShow: false, overridden: [], overrideReason: null };
            return { ...cell, people: [...cell.people, shown] };
          }),
        };
      }),
    };
  });
  if (!changed) return board;
  const post = communities.flatMap((c) => c.posts).find((p) => p.id === at.postId)!;
  const cell = post.cells.find((x) => x.templateId === at.templateId && x.date === at.date)!;
  const filled = cell.people.filter((x) => !x.noShow).length;
  const totals = { ...board.totals };
  if (filled <= cell.needed) totals.filled++;
  if (filled === cell.needed) totals.gaps--;
  return { ...board, communities, totals };
}
