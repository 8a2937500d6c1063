import { Table, Tag, type TableColumnsType } from 'antd';
import type { TerritoryProblem } from '../../../electron/api';
import { useT } from '../../i18n';

/** Every problem of the preview, errors first: the feature's number and code or name, and what is wrong. */
type Keyed = TerritoryProblem & { key: number };

export function ProblemsTable({ problems }: { problems: TerritoryProblem[] }) {
  const t = useT();
  const columns: TableColumnsType<Keyed> = [
    { title: t('territory.problem.row'), dataIndex: 'row', width: 80, render: (row: number) => (row === 0 ? t('territory.problem.layer') : row) },
    { title: t('territory.problem.label'), dataIndex: 'label', width: 200 },
    {
      title: t('territory.problem.level'),
      dataIndex: 'level',
      width: 90,
      render: (level: TerritoryProblem['level']) => <Tag color={level === 'error' ? 'red' : 'gold'}>{t(`territory.problem.${level}`)}</Tag>,
    },
    { title: t('territory.problem.message'), dataIndex: 'message' },
  ];
  return (
    <Table<Keyed>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={problems.map((p, key) => ({ ...p, key }))}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: t('territory.problem.none') }}
      data-testid="territory-problems"
    />
  );
}
