import { App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { BundleConflict } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Conflicts waiting: each field that differs, ours beside theirs, and the two decisions. */
export function ConflictsCard() {
  const t = useT();
  const { message } = App.useApp();
  const conflicts = useApiQuery('bundles.conflicts', {});
  const resolve = useApiMutation('bundles.resolve', {
    onSuccess: () => void message.success(t('exchange.conflicts.resolved')),
    onError: (error) => void message.error(describeError(error, t).message),
  });
  const list = conflicts.data ?? [];
  return (
    <Card title={`${t('exchange.conflicts')}（${list.length}）`} size="small" data-testid="exchange-conflicts">
      {list.length === 0 ? <Empty description={t('exchange.conflicts.empty')} /> : null}
      {list.map((c: BundleConflict) => (
        <div key={c.id} className="gd-exchange-section" data-testid="exchange-conflict">
          <Typography.Text strong>{t('exchange.conflicts.row', { table: c.table, id: c.rowId.slice(0, 8) })}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t('exchange.conflicts.kept', { which: t(c.mineKept ? 'exchange.conflicts.mine' : 'exchange.conflicts.theirs') })}</Typography.Text>
          <Table
            className="gd-exchange-diff"
            rowKey="field"
            size="small"
            pagination={false}
            dataSource={c.fields.map((field) => ({ field, mine: show(c.mine[field]), theirs: show(c.theirs[field]) }))}
            columns={[
              { title: t('exchange.conflicts.field'), dataIndex: 'field' },
              { title: t('exchange.conflicts.mine'), dataIndex: 'mine' },
              { title: t('exchange.conflicts.theirs'), dataIndex: 'theirs' },
            ]}
          />
          <Space className="gd-exchange-section">
            <Button onClick={() => resolve.mutate({ id: c.id, choice: 'mine' })} loading={resolve.isPending} data-testid="exchange-keep-mine">
              {t('exchange.conflicts.keepMine')}
            </Button>
            <Button type="primary" onClick={() => resolve.mutate({ id: c.id, choice: 'theirs' })} loading={resolve.isPending} data-testid="exchange-take-theirs">
              {t('exchange.conflicts.takeTheirs')}
            </Button>
          </Space>
        </div>
      ))}
    </Card>
  );
}
