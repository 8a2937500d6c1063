import { useCallback, useMemo, useRef, useState } from 'react';
import { App, Button, Segmented, Space, Tabs } from 'antd';
import { LeftOutlined, PlusOutlined, FilePdfOutlined, UsergroupAddOutlined, PrinterOutlined, RightOutlined, ThunderboltOutlined, DownloadOutlined } from '@ant-design/icons';
import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { ApiCallError, call } from '../../api/client';
import type { AutoFillResult, DutyPerson } from '../../../electron/api';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { describeError } from '../../ui/error-text';
import { useCan } from '../auth/session';
import { useJobFinished } from '../jobs/use-jobs';
import { AutoFillModal } from './AutoFillModal';
import { BulkAssignModal } from './BulkAssignModal';
import { BoardTable } from './BoardTable';
import { parseCellId, type CellRef } from './cell-id';
import { CoveragePanel } from './CoveragePanel';
import { GapsList } from './GapsList';
import { HandoverModal } from './HandoverModal';
import { describeCell } from './describe-cell';
import { PostLogDrawer } from './PostLogDrawer';
import { OverrideDialog } from './OverrideDialog';
import { PeoplePanel } from './PeoplePanel';
import { PostFormModal, type EditedPost } from './PostFormModal';
import { TemplatesModal } from './TemplatesModal';
import type { ChipAction } from './PersonChip';
import { mondayOf, shiftDay } from './staffing-dates';
import { usePlacing } from './use-placing';
import './staffing.css';

const EDIT_ACTIONS: ChipAction[] = ['signIn', 'signOut', 'noShow', 'clear', 'unassign'];
const ATTEND_ACTIONS: ChipAction[] = ['signIn', 'signOut', 'noShow', 'clear'];
const NO_ACTIONS: ChipAction[] = [];

/** 排班: the day or week board of every post, the people to put on it, the gaps, auto-fill and export. */
export function StaffingPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const can = useCan();
  const canEdit = can('staffing.edit');
  const canAttend = can('staffing.attend');
  const [tab, setTab] = useState('board');
  const [days, setDays] = useState<1 | 7>(7);
  /** The day the board shows (its week in the week view); null: today as the service reckons it. */
  const [anchor, setAnchor] = useState<string | null>(null);
  const asked = anchor === null ? undefined : days === 7 ? mondayOf(anchor) : anchor;
  const [selected, setSelected] = useState<CellRef | null>(null);
  const [fill, setFill] = useState<AutoFillResult | null>(null);
  const [adding, setAdding] = useState(false);
  const [bulk, setBulk] = useState(false);
  const [editing, setEditing] = useState<EditedPost | null>(null);
  const [handover, setHandover] = useState<CellRef | null>(null);
  const [logPost, setLogPost] = useState<string | null>(null);
  const [shiftsOf, setShiftsOf] = useState<string | null>(null);
  const board = useApiQuery('staffing.board', asked ? { from: asked, days } : { days }, { placeholderData: keepPreviousData });
  const from = asked ?? board.data?.from;
  const today = board.data?.today;
  const people = useApiQuery('staffing.people', from ? { weekOf: from } : {}, { enabled: canEdit && !!from });
  const placing = usePlacing();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));
  const fail = (e: unknown) => void message.error(describeError(e, t).message);

  const attend = useApiMutation('staffing.attend', { onError: fail });
  const unassign = useApiMutation('staffing.unassign', { onError: fail });
  const latest = useRef({ attend, unassign });
  latest.current = { attend, unassign };
  /** Stable across renders, so the memoised cells of the board are not drawn again for it. */
  const onAction = useCallback((id: string, a: ChipAction) => (a === 'unassign' ? latest.current.unassign.mutate({ id }) : latest.current.attend.mutate({ id, action: a })), []);
  /** The moment shifts are judged begun against (写交接), taken when the board arrives. */
  const boardAt = useMemo(() => (board.data ? Date.now() : 0), [board.data]);

  const watchFill = useJobFinished((job) => {
    if (job.state === 'done') setFill(job.result as AutoFillResult);
  });
  const autoFill = useApiMutation('staffing.autoFill', { onSuccess: watchFill, onError: fail });
  const watchExport = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    void downloadFile(job.file.fileId, job.file.name).then(() => void message.success(t('staffing.export.done', { file: job.file!.name })), fail);
  });
  const exporter = useApiMutation('staffing.exportWeek', { onSuccess: watchExport, onError: fail });
  const watchPdf = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    void downloadFile(job.file.fileId, job.file.name).then(() => void message.success(t('staffing.exportPdf.done', { file: job.file!.name })), fail);
  });
  const pdfExporter = useApiMutation('staffing.exportPdf', { onSuccess: watchPdf, onError: fail });

  const deletePost = (post: { id: string; name: string }) =>
    modal.confirm({
      title: t('staffing.post.delete'),
      content: t('staffing.post.deleteConfirm', { name: post.name }),
      okButtonProps: { danger: true },
      onOk: async () => {
        const sendDelete = (confirm: boolean) => call('staffing.deletePost', { id: post.id, confirm });
        try {
          let done;
          try {
            done = await sendDelete(false);
          } catch (e) {
            if (!(e instanceof ApiCallError) || e.code !== 'CONFLICT' || e.field !== 'confirm') throw e;
            const again = await new Promise<boolean>((resolve) =>
              modal.confirm({ title: t('staffing.post.delete'), content: describeError(e, t).message, okButtonProps: { danger: true }, onOk: () => resolve(true), onCancel: () => resolve(false) }),
            );
            if (!again) return;
            done = await sendDelete(true);
          }
          void message.success(t('staffing.post.deleted', { count: done.futureRemoved }));
          await client.invalidateQueries();
        } catch (e) {
          fail(e);
        }
      },
    });

  const selectedTemplate = useMemo(() => {
    if (!selected || !board.data) return null;
    for (const c of board.data.communities)
      for (const p of c.posts) if (p.id === selected.postId) return p.templates.find((x) => x.id === selected.templateId) ?? null;
    return null;
  }, [selected, board.data]);

  const shiftsPost = useMemo(() => (shiftsOf ? board.data?.communities.flatMap((c) => c.posts).find((p) => p.id === shiftsOf) : undefined), [shiftsOf, board.data]);

  const onDragEnd = (e: DragEndEvent) => {
    const cell = e.over ? parseCellId(String(e.over.id)) : null;
    const person = e.active.data.current as DutyPerson | undefined;
    if (cell && person) void placing.place(person, cell);
  };
  const onPick = (person: DutyPerson) => {
    if (selected) void placing.place(person, selected);
  };

  return (
    <div className="gd-page gd-staff-page" data-testid="page-staffing">
      <div className="gd-staff-head">
        <h1>{t('staffing.title')}</h1>
        <Space wrap>
          <Segmented<1 | 7>
            value={days}
            onChange={setDays}
            options={[
              { value: 1, label: t('staffing.view.day') },
              { value: 7, label: t('staffing.view.week') },
            ]}
            data-testid="staff-view"
          />
          <Button icon={<LeftOutlined />} aria-label={t('staffing.prev')} disabled={!today} onClick={() => setAnchor(shiftDay(anchor ?? today!, -days))} />
          <Button onClick={() => setAnchor(null)}>{t('staffing.today')}</Button>
          <Button icon={<RightOutlined />} aria-label={t('staffing.next')} disabled={!today} onClick={() => setAnchor(shiftDay(anchor ?? today!, days))} />
          {canEdit ? (
            <Button icon={<ThunderboltOutlined />} loading={autoFill.isPending} disabled={!from} onClick={() => from && autoFill.mutate({ from, days })} data-testid="staff-autofill">
              {t('staffing.autofill')}
            </Button>
          ) : null}
          <Button icon={<DownloadOutlined />} loading={exporter.isPending} disabled={!from} onClick={() => from && exporter.mutate({ from })} data-testid="staff-export">
            {t('staffing.export')}
          </Button>
          <Button icon={<FilePdfOutlined />} loading={pdfExporter.isPending} disabled={!from} onClick={() => from && pdfExporter.mutate({ from, days })} data-testid="staff-export-pdf">
            {t('staffing.exportPdf')}
          </Button>
          {canEdit ? (
            <Button icon={<UsergroupAddOutlined />} disabled={!board.data} onClick={() => setBulk(true)} data-testid="staff-bulk">
              {t('staffing.bulk')}
            </Button>
          ) : null}
          {canEdit ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="staff-post-new">
              {t('staffing.post.new')}
            </Button>
          ) : null}
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('staffing.print')}
          </Button>
        </Space>
      </div>
      {board.data ? (
        <div className="gd-muted" data-testid="staff-totals">
          {t('staffing.totals', { ...board.data.totals })}
        </div>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'board',
            label: t('staffing.tab.board'),
            children: board.isError ? (
              <ErrorState error={board.error} onRetry={() => void board.refetch()} />
            ) : !board.data ? (
              <LoadingState text={t('staffing.loading')} />
            ) : (
              <DndContext sensors={sensors} onDragEnd={onDragEnd}>
                <div className="gd-staff-layout">
                  {canEdit ? <PeoplePanel people={people.data ?? []} selected={selected && selectedTemplate ? { ...selected, template: selectedTemplate } : null} onPick={onPick} /> : null}
                  <div className="gd-staff-board-wrap">
                    <BoardTable
                      board={board.data}
                      selected={selected}
                      onSelect={setSelected}
                      actions={canEdit ? EDIT_ACTIONS : canAttend ? ATTEND_ACTIONS : NO_ACTIONS}
                      onAction={onAction}
                      onDeletePost={canEdit ? deletePost : undefined}
                      onEditPost={canEdit ? setEditing : undefined}
                      onEditShifts={canEdit ? setShiftsOf : undefined}
                      onHandover={canAttend ? setHandover : undefined}
                      onOpenLog={setLogPost}
                      now={boardAt}
                    />
                  </div>
                </div>
              </DndContext>
            ),
          },
          {
            key: 'coverage',
            label: t('staffing.tab.coverage'),
            children: <CoveragePanel canEdit={canEdit} />,
          },
          {
            key: 'gaps',
            label: t('staffing.tab.gaps'),
            children: (
              <GapsList
                onOpen={(g) => {
                  setDays(1);
                  setAnchor(g.date);
                  setSelected({ postId: g.postId, templateId: g.templateId, date: g.date });
                  setTab('board');
                }}
              />
            ),
          },
        ]}
      />
      {placing.pending ? (
        <OverrideDialog name={placing.pending.person.name} checks={placing.pending.checks} busy={placing.busy} onCancel={placing.cancel} onConfirm={placing.confirm} />
      ) : null}
      {handover && board.data ? <HandoverModal cell={handover} {...describeCell(board.data, handover)} onClose={() => setHandover(null)} /> : null}
      {logPost ? <PostLogDrawer postId={logPost} onClose={() => setLogPost(null)} /> : null}
      {shiftsPost ? <TemplatesModal post={shiftsPost} onClose={() => setShiftsOf(null)} /> : null}
      {adding ? <PostFormModal onClose={() => setAdding(false)} /> : null}
      {editing ? <PostFormModal post={editing} onClose={() => setEditing(null)} /> : null}
      {fill ? <AutoFillModal result={fill} onClose={() => setFill(null)} /> : null}
      {bulk && board.data && from ? <BulkAssignModal board={board.data} people={people.data ?? []} from={from} onClose={() => setBulk(false)} /> : null}
    </div>
  );
}
