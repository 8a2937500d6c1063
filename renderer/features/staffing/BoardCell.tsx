import { useDroppable } from '@dnd-kit/core';
import type { BoardCell as Cell } from '../../../electron/api';
import { useT } from '../../i18n';
import { cellId, type CellRef } from './cell-id';
import { PersonChip, type ChipAction } from './PersonChip';

interface Props {
  cell: Cell;
  postId: string;
  selected: boolean;
  onSelect: (c: CellRef) => void;
  actionsFor: (assignmentId: string) => ChipAction[];
  onAction: (assignmentId: string, a: ChipAction) => void;
}

/** One shift on one day: who is on it, filled/needed; red when short, marked when over-staffed. A drop target. */
export function BoardCell({ cell, postId, selected, onSelect, actionsFor, onAction }: Props) {
  const t = useT();
  const ref = { postId, templateId: cell.templateId, date: cell.date };
  const id = cellId(ref);
  const { setNodeRef, isOver } = useDroppable({ id });
  const filled = cell.people.filter((p) => !p.noShow).length;
  const state = filled < cell.needed ? 'short' : filled > cell.needed ? 'over' : 'full';
  return (
    <td
      ref={setNodeRef}
      className={`gd-staff-cell gd-staff-cell-${state}${isOver ? ' gd-staff-cell-hover' : ''}${selected ? ' gd-staff-cell-selected' : ''}`}
      data-testid="staff-cell"
      data-cell={id}
      data-state={state}
      tabIndex={0}
      aria-selected={selected}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('.gd-staff-chip-wrap')) return;
        onSelect(ref);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(ref);
        }
      }}
    >
      <div className="gd-staff-cell-people">
        {cell.people.map((p) => (
          <PersonChip key={p.assignmentId} person={p} actions={actionsFor(p.assignmentId)} onAction={(a) => onAction(p.assignmentId, a)} />
        ))}
      </div>
      <div className="gd-staff-cell-count" data-testid="staff-cell-count">
        {filled}/{cell.needed}
        {state === 'short' ? <span className="gd-staff-short"> {t('staffing.short', { n: cell.needed - filled })}</span> : null}
        {state === 'over' ? <span className="gd-staff-over"> {t('staffing.over', { n: filled - cell.needed })}</span> : null}
      </div>
    </td>
  );
}
