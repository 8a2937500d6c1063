import { useMemo, useState } from 'react';
import { App, Button, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AccountInfo } from '../../../electron/api';
import { useApiMutation, useApiQuery, useMapLayers } from '../../api/queries';
import { formatDateTime } from '../../i18n/format';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { ErrorState } from '../../ui/ErrorState';
import { testId } from '../../ui/test-id';
import { ROLE_LABEL } from '../auth/roles';
import { useCan, useSessionUser } from '../auth/session';
import { AccountFormModal } from './AccountFormModal';
import { gridNames } from './grid-options';
import { ResetPasswordModal } from './ResetPasswordModal';
import './admin.css';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset'; account: AccountInfo } | null;

/** 账号管理: every account, and creating, editing, disabling and resetting them. */
export function AccountsPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const me = useSessionUser();
  const can = useCan();
  const accounts = useApiQuery('accounts.list', {});
  const layers = useMapLayers();
  const names = useMemo(() => gridNames(layers.data), [layers.data]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const toggle = useApiMutation('accounts.update', {
    onSuccess: (saved) => {
      void message.success(t(saved.disabled ? 'accounts.disable.done' : 'accounts.enable.done', { name: saved.displayName }));
    },
    onError: (error) => void message.error(describeError(error, t).message),
  });
  const manage = can('accounts.manage');

  const setDisabled = (account: AccountInfo, disabled: boolean) => {
    if (!disabled) return toggle.mutate({ id: account.id, disabled: false });
    modal.confirm({
      title: t('accounts.action.disable'),
      content: t('accounts.disable.confirm', { name: account.displayName }),
      okText: t('accounts.action.disable'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => toggle.mutateAsync({ id: account.id, disabled: true }).catch(() => undefined),
    });
  };

  const columns: TableColumnsType<AccountInfo> = [
    {
      title: t('accounts.col.username'),
      dataIndex: 'username',
      render: (username: string, a) => (
        <Space size={6}>
          <Typography.Text code>{username}</Typography.Text>
          {a.id === me.id ? <Tag color="blue">{t('accounts.you')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('accounts.col.displayName'), dataIndex: 'displayName' },
    { title: t('accounts.col.role'), dataIndex: 'role', render: (_: unknown, a) => t(ROLE_LABEL[a.role]) },
    {
      title: t('accounts.col.grids'),
      dataIndex: 'gridIds',
      render: (_: unknown, a) =>
        a.gridIds.length === 0 ? (
          <span className="gd-muted">—</span>
        ) : (
          <Tooltip title={a.gridIds.map((id) => names.get(id) ?? id).join('、')}>
            <span className="gd-admin-count">{t('accounts.grids.count', { n: a.gridIds.length })}</span>
          </Tooltip>
        ),
    },
    {
      title: t('accounts.col.personal'),
      dataIndex: 'seesPersonalData',
      render: (_: unknown, a) => {
        // The grant only matters for 数据专员; the other roles have it, or not, by role.
        if (a.role !== 'analyst') return <span className="gd-muted">{t('accounts.personal.byRole')}</span>;
        return a.seesPersonalData ? <Tag color="orange">{t('accounts.personal.granted')}</Tag> : <Tag>{t('accounts.personal.notGranted')}</Tag>;
      },
    },
    {
      title: t('accounts.col.status'),
      dataIndex: 'disabled',
      render: (_: unknown, a) =>
        a.disabled ? <Tag color="default">{t('accounts.status.disabled')}</Tag> : <Tag color="green">{t('accounts.status.active')}</Tag>,
    },
    {
      title: t('accounts.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (_: unknown, a) =>
        a.lastLoginAt === null ? <span className="gd-muted">{t('accounts.lastLogin.never')}</span> : formatDateTime(a.lastLoginAt),
    },
  ];
  if (manage) {
    columns.push({
      title: t('accounts.col.actions'),
      key: 'actions',
      render: (_: unknown, a) => (
        <Space size={0} className="gd-admin-actions">
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'edit', account: a })} data-testid={`account-edit-${a.username}`}>
            {t('accounts.action.edit')}
          </Button>
          {a.id === me.id ? null : (
            <Button
              type="link"
              size="small"
              danger={!a.disabled}
              onClick={() => setDisabled(a, !a.disabled)}
              data-testid={`account-${a.disabled ? 'enable' : 'disable'}-${a.username}`}
            >
              {t(a.disabled ? 'accounts.action.enable' : 'accounts.action.disable')}
            </Button>
          )}
          <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', account: a })} data-testid={`account-reset-${a.username}`}>
            {t('accounts.action.resetPassword')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <div className="gd-admin-page" data-testid="accounts-page">
      <div className="gd-admin-head">
        <div>
          <h1 className="gd-admin-title">{t('accounts.title')}</h1>
          {accounts.data ? <div className="gd-admin-sub">{t('accounts.count', { count: accounts.data.length })}</div> : null}
        </div>
        {manage ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })} data-testid="account-create">
            {t('accounts.create')}
          </Button>
        ) : null}
      </div>
      {accounts.isError ? (
        <ErrorState compact error={accounts.error} onRetry={() => void accounts.refetch()} testId="accounts-error" />
      ) : (
        <Table<AccountInfo>
          className="gd-admin-table"
          data-testid="accounts-table"
          rowKey="id"
          size="middle"
          loading={accounts.isPending}
          columns={columns}
          dataSource={accounts.data}
          pagination={false}
          onRow={(a) => testId(`account-row-${a.username}`)}
          rowClassName={(a) => (a.disabled ? 'gd-row-disabled' : '')}
        />
      )}
      {dialog?.kind === 'create' ? <AccountFormModal account={null} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <AccountFormModal key={dialog.account.id} account={dialog.account} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'reset' ? <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
