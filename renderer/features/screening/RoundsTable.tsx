import { App, Button, Popconfirm, Progress, Table, Tag, type TableColumnsType } from 'antd';
import type { ScreeningRound } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { describeError } from '../../ui/error-text';
import { doneShare } from './result-labels';
import { useApiMutation } from '../../api/queries';

function CloseButton({ round }: { round: ScreeningRound }) {
  const t = useT();
  const { message } = App.useApp();
  const close = useApiMutation('screening.close');
  return (
    <Popconfirm
      title={t('screening.close.confirm', { n: round.number })}
      description={t('screening.close.hint')}
      okText={t('screening.close')}
      okButtonProps={{ danger: true, 'data-testid': 'round-close-confirm' }}
      onConfirm={() =>
        close.mutateAsync({ roundId: round.id }).then(
          () => void message.success(t('screening.close.done', { n: round.number })),
          (e: unknown) => void message.error(describeError(e, t).message),
        )
      }
    >
      <Button size="small" danger loading={close.isPending} onClick={(e) => e.stopPropagation()} data-testid={`round-close-${round.number}`}>
        {t('screening.close')}
      </Button>
    </Popconfirm>
  );
}

/** Every round, newest first: scope, when, and how far along. */
export function RoundsTable({
  rounds,
  selected,
  canRun,
  onSelect,
}: {
  rounds: ScreeningRound[];
  selected: string | null;
  canRun: boolean;
  onSelect(id: string): void;
}) {
  const t = useT();
  const columns: TableColumnsType<ScreeningRound> = [
    { title: t('screening.col.number'), dataIndex: 'number', width: 80, render: (n: number) => t('screening.roundNo', { n }) },
    { title: t('screening.col.name'), dataIndex: 'name', ellipsis: true },
    { title: t('screening.col.scope'), key: 'scope', ellipsis: true, render: (_: unknown, r) => r.scope.label },
    {
      title: t('screening.col.started'),
      dataIndex: 'startedAt',
      width: 190,
      render: (at: number, r) => (
        <span>
          {formatDateTime(at)} <span className="gd-muted">{r.startedBy}</span>
        </span>
      ),
    },
    {
      title: t('screening.col.closed'),
      dataIndex: 'closedAt',
      width: 150,
      render: (at: number | null) =>
        at === null ? <Tag color="processing">{t('screening.inProgress')}</Tag> : formatDateTime(at),
    },
    {
      title: t('screening.col.progress'),
      key: 'progress',
      width: 250,
      render: (_: unknown, r) => (
        <div className="gd-scr-progress" data-testid={`round-progress-${r.number}`}>
          <Progress percent={doneShare(r)} size="small" showInfo={false} status={r.closedAt === null ? 'active' : 'normal'} />
          <span className="gd-scr-progress-text">
            {formatNumber(r.visited + r.refused)}/{formatNumber(r.households)}
          </span>
        </div>
      ),
    },
    ...(canRun
      ? [
          {
            title: t('screening.col.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, r: ScreeningRound) => (r.closedAt === null ? <CloseButton round={r} /> : null),
          },
        ]
      : []),
  ];
  return (
    <Table<ScreeningRound>
      className="gd-scr-card"
      data-testid="rounds-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rounds}
      pagination={false}
      rowClassName={(r) => (r.id === selected ? 'gd-scr-row gd-scr-row-selected' : 'gd-scr-row')}
      locale={{ emptyText: t('screening.noRounds') }}
      onRow={(r) => {
        const attrs: Record<string, unknown> = {
          'data-testid': `round-row-${r.number}`,
          'aria-selected': r.id === selected,
          onClick: () => onSelect(r.id),
        };
        return attrs;
      }}
    />
  );
}
