import type { HandoverNote, StaffingBoard } from '../../../electron/api';
import type { CellRef } from './cell-id';

/** A cell of the board named for a title (「东门卡口 · 12-02 早班」) with the note it was handed. */
export function describeCell(board: StaffingBoard, ref: CellRef): { title: string; handed: HandoverNote | null } {
  for (const c of board.communities)
    for (const p of c.posts) {
      if (p.id !== ref.postId) continue;
      const shift = p.templates.find((x) => x.id === ref.templateId)?.name ?? '';
      const cell = p.cells.find((x) => x.templateId === ref.templateId && x.date === ref.date);
      return { title: `${p.name} · ${ref.date.slice(5)} ${shift}`, handed: cell?.handoverIn ?? null };
    }
  return { title: ref.date, handed: null };
}
