import { useDroppable } from '@dnd-kit/core';
import { Tooltip } from 'antd';
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
  /** Writing a handover note on this shift, offered once it has begun. */
  onHandover?: ((c: CellRef) => void) | undefined;
  now: number;
}

/** One shift on one day: who is on it, filled/needed; red when short, marked when over-staffed. A drop target. */
export function BoardCell({ cell, postId, selected, onSelect, actionsFor, onAction, onHandover, now }: Props) {
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
      {cell.handoverIn ? (
        <Tooltip title={`${cell.handoverIn.shiftName}：${cell.handoverIn.happened}${cell.handoverIn.watch ? `；${t('staffing.handover.watch')}：${cell.handoverIn.watch}` : ''}`}>
          <div className="gd-staff-handover-in" data-testid="staff-handover-in">
            {t('staffing.handover.in')}：{cell.handoverIn.watch || cell.handoverIn.happened}
          </div>
        </Tooltip>
      ) : null}
      <div className="gd-staff-cell-people">
        {cell.people.map((p) => (
          <PersonChip key={p.assignmentId} person={p} actions={actionsFor(p.assignmentId)} onAction={(a) => onAction(p.assignmentId, a)} />
        ))}
      </div>
      <div className="gd-staff-cell-count" data-testid="staff-cell-count">
        {filled}/{cell.needed}
        {state === 'short' ? <span className="gd-staff-short"> {t('staffing.short', { n: cell.needed - filled })}</span> : null}
        {state === 'over' ? <span className="gd-staff-over"> {t('staffing.over', { n: filled - cell.needed })}</span> : null}
        {cell.handoversOut ? <span className="gd-staff-handover-out"> · {t('staffing.handover.out')}</span> : null}
        {onHandover && cell.startsAt <= now ? (
          <a
            className="gd-staff-handover-write gd-staff-chip-wrap"
            data-testid="staff-handover-write"
            onClick={(e) => {
              e.stopPropagation();
              onHandover(ref);
            }}
          >
            {' '}
            {t('staffing.handover.write')}
          </a>
        ) : null}
      </div>
    </td>
  );
}
