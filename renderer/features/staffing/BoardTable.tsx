import { Fragment } from 'react';
import { Empty } from 'antd';
import type { StaffingBoard } from '../../../electron/api';
import { useT } from '../../i18n';
import { BoardCell } from './BoardCell';
import { cellId, type CellRef } from './cell-id';
import type { ChipAction } from './PersonChip';
import type { EditedPost } from './PostFormModal';
import { clock, dayLabel } from './staffing-dates';
import { kindLabel } from './words';

interface Props {
  board: StaffingBoard;
  selected: CellRef | null;
  onSelect: (c: CellRef) => void;
  actions: ChipAction[];
  onAction: (assignmentId: string, a: ChipAction) => void;
  onDeletePost?: ((post: { id: string; name: string }) => void) | undefined;
  onEditPost?: ((post: EditedPost) => void) | undefined;
  onEditShifts?: ((postId: string) => void) | undefined;
  onHandover?: ((c: CellRef) => void) | undefined;
  onOpenLog: (postId: string) => void;
  now: number;
}

/** Rows: posts grouped by community, one row per shift; columns: the days. */
export function BoardTable({ board, selected, onSelect, actions, onAction, onDeletePost, onEditPost, onEditShifts, onHandover, onOpenLog, now }: Props) {
  const t = useT();
  if (!board.communities.length) return <Empty description={t('staffing.noPosts')} />;
  const selectedId = selected ? cellId(selected) : null;
  return (
    <table className="gd-staff-board" data-testid="staff-board">
      <thead>
        <tr>
          <th className="gd-staff-post-col">{t('staffing.post')}</th>
          <th className="gd-staff-shift-col">{t('staffing.shift')}</th>
          {board.days.map((d) => (
            <th key={d} className={d === board.today ? 'gd-staff-today' : undefined}>
              {dayLabel(d, t.locale)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {board.communities.map((c) => (
          <Fragment key={c.id}>
            <tr className="gd-staff-community">
              <th colSpan={2 + board.days.length}>{c.name}</th>
            </tr>
            {c.posts.map((p) =>
              p.templates.map((tpl, i) => (
                <tr key={`${p.id}|${tpl.id}`} data-testid="staff-row" data-post={p.name} data-shift={tpl.name}>
                  {i === 0 ? (
                    <th rowSpan={p.templates.length} className="gd-staff-post-col">
                      <div className="gd-staff-post-name">{p.name}</div>
                      <div className="gd-muted">
                        {kindLabel(p.kind, t)} · {p.staffNeeded}
                        {p.skills.length ? ` · ${p.skills.join('、')}` : ''}
                      </div>
                      <a className="gd-staff-post-link" onClick={() => onOpenLog(p.id)} data-testid="staff-post-log-open">
                        {t('staffing.log.open')}
                      </a>
                      {onEditPost ? (
                        <a className="gd-staff-post-link" onClick={() => onEditPost({ ...p, communityId: c.id })} data-testid="staff-post-edit">
                          {t('staffing.post.edit')}
                        </a>
                      ) : null}
                      {onEditShifts ? (
                        <a className="gd-staff-post-link" onClick={() => onEditShifts(p.id)} data-testid="staff-post-shifts">
                          {t('staffing.template.open')}
                        </a>
                      ) : null}
                      {onDeletePost ? (
                        <a className="gd-staff-post-delete" onClick={() => onDeletePost(p)} data-testid="staff-post-delete">
                          {t('staffing.post.delete')}
                        </a>
                      ) : null}
                    </th>
                  ) : null}
                  <th className={`gd-staff-shift-col${tpl.night ? ' gd-staff-night' : ''}`}>
                    {tpl.name}
                    <div className="gd-muted">
                      {clock(tpl.startMinute)}–{clock(tpl.startMinute + tpl.minutes)}
                    </div>
                  </th>
                  {board.days.map((d) => {
                    const cell = p.cells.find((x) => x.date === d && x.templateId === tpl.id);
                    if (!cell) return <td key={d} />;
                    const ref = { postId: p.id, templateId: tpl.id, date: d };
                    return (
                      <BoardCell
                        key={d}
                        cell={cell}
                        postId={p.id}
                        selected={selectedId === cellId(ref)}
                        onSelect={onSelect}
                        actions={actions}
                        onAction={onAction}
                        onHandover={onHandover}
                        now={now}
                      />
                    );
                  })}
                </tr>
              )),
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
