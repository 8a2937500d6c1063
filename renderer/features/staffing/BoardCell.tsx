import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import { Tooltip } from 'antd';
import type { BoardCell as Cell } from '../../../electron/api';
import { useT } from '../../i18n';
import { PLACING_ID } from './board-placed';
import { cellId, type CellRef } from './cell-id';
import { PersonChip, type ChipAction } from './PersonChip';

interface Props {
  cell: Cell;
  postId: string;
  selected: boolean;
  onSelect: (c: CellRef) => void;
  actions: ChipAction[];
  onAction: (assignmentId: string, a: ChipAction) => void;
  /** Writing a handover note on this shift, offered once it has begun. */
  onHandover?: ((c: CellRef) => void) | undefined;
  now: number;
}

const NO_ACTIONS: ChipAction[] = [];

/**
 * One shift on one day: who is on it, filled/needed; red when short, marked when over-staffed. A
 * drop target. Every drop target draws again whenever a drag starts, moves or ends, so what it
 * holds is a separate memoised body, drawn again only when its own cell changes.
 */
export const BoardCell = memo(function BoardCell({ cell, postId, selected, onSelect, actions, onAction, onHandover, now }: Props) {
  const id = cellId({ postId, templateId: cell.templateId, date: cell.date });
  const { setNodeRef, isOver } = useDroppable({ id });
  const filled = cell.people.filter((p) => !p.noShow).length;
  const state = filled < cell.needed ? 'short' : filled > cell.needed ? 'over' : 'full';
  const ref = () => ({ postId, templateId: cell.templateId, date: cell.date });
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
        onSelect(ref());
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(ref());
        }
      }}
    >
      <CellBody cell={cell} postId={postId} filled={filled} actions={actions} onAction={onAction} onHandover={onHandover && cell.startsAt <= now ? onHandover : undefined} />
    </td>
  );
});

interface BodyProps {
  cell: Cell;
  postId: string;
  filled: number;
  actions: ChipAction[];
  onAction: (assignmentId: string, a: ChipAction) => void;
  onHandover?: ((c: CellRef) => void) | undefined;
}

const CellBody = memo(function CellBody({ cell, postId, filled, actions, onAction, onHandover }: BodyProps) {
  const t = useT();
  return (
    <>
      {cell.handoverIn ? (
        <Tooltip title={`${cell.handoverIn.shiftName}：${cell.handoverIn.happened}${cell.handoverIn.watch ? `；${t('staffing.handover.watch')}：${cell.handoverIn.watch}` : ''}`}>
          <div className="gd-staff-handover-in" data-testid="staff-handover-in">
            {t('staffing.handover.in')}：{cell.handoverIn.watch || cell.handoverIn.happened}
          </div>
        </Tooltip>
      ) : null}
      <div className="gd-staff-cell-people">
        {cell.people.map((p) => (
          <PersonChip key={p.assignmentId} person={p} actions={p.assignmentId.startsWith(PLACING_ID) ? NO_ACTIONS : actions} onAction={onAction} />
        ))}
      </div>
      <div className="gd-staff-cell-count" data-testid="staff-cell-count">
        {filled}/{cell.needed}
        {filled < cell.needed ? <span className="gd-staff-short"> {t('staffing.short', { n: cell.needed - filled })}</span> : null}
        {filled > cell.needed ? <span className="gd-staff-over"> {t('staffing.over', { n: filled - cell.needed })}</span> : null}
        {cell.handoversOut ? <span className="gd-staff-handover-out"> · {t('staffing.handover.out')}</span> : null}
        {onHandover ? (
          <a
            className="gd-staff-handover-write gd-staff-chip-wrap"
            data-testid="staff-handover-write"
            onClick={(e) => {
              e.stopPropagation();
              onHandover({ postId, templateId: cell.templateId, date: cell.date });
            }}
          >
            {' '}
            {t('staffing.handover.write')}
          </a>
        ) : null}
      </div>
    </>
  );
});
