import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Table, Tag, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import { CloudUploadOutlined, LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { BackupEntry } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTimeSeconds } from '../../i18n/format';
import { describeError } from '../../ui/error-text';
import { ErrorState } from '../../ui/ErrorState';
import { testId } from '../../ui/test-id';
import { formatMegabytes, REASON_COLOR, REASON_LABEL } from './backup-labels';
import { BackupRestoreResult, type RestoreResult } from './BackupRestoreResult';
import { useJobFinished } from '../jobs/use-jobs';
import './admin.css';

// ButtonProps does not declare data-* attributes; antd passes them on to the button.
const CONFIRM_BUTTON: ButtonProps & { 'data-testid': string } = { danger: true, 'data-testid': 'backup-restore-confirm' };

/** 备份: the backups kept beside the database, making one now, and restoring one. */
export function BackupsPage() {
  const t = useT();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const backups = useApiQuery('backups.list', {});
  const [restored, setRestored] = useState<RestoreResult | null>(null);
  const watchCreate = useJobFinished((job) => {
    if (job.state !== 'done') return;
    void client.invalidateQueries({ queryKey: ['backups.list'] });
    void message.success(t('backups.created', { name: (job.result as BackupEntry).name }));
  });
  const create = useApiMutation('backups.create', {
    onSuccess: watchCreate,
    onError: (error) => void message.error(describeError(error, t).message),
  });
  const watchRestore = useJobFinished((job) => {
    if (job.state !== 'done') return;
    setRestored(job.result as RestoreResult);
    // Every page's data came from the replaced database.
    void client.invalidateQueries();
  });
  const restore = useApiMutation('backups.restore', {
    onSuccess: watchRestore,
    onError: (error) => void message.error(describeError(error, t).message),
  });

  const confirmRestore = (backup: BackupEntry) => {
    modal.confirm({
      title: t('backups.restore.title', { time: formatDateTimeSeconds(backup.createdAt) }),
      content: (
        <div data-testid="backup-restore-dialog">
          <p className="gd-admin-note">{t('backups.restore.textBackup')}</p>
          <p className="gd-admin-note">{t('backups.restore.textReload')}</p>
          <Typography.Text code>{backup.name}</Typography.Text>
        </div>
      ),
      width: 480,
      okText: t('backups.restore.ok'),
      okButtonProps: CONFIRM_BUTTON,
      cancelText: t('common.cancel'),
      onOk: () => {
        setRestored(null);
        return restore.mutateAsync({ name: backup.name }).catch(() => undefined);
      },
    });
  };

  const columns: TableColumnsType<BackupEntry> = [
    { title: t('backups.col.time'), dataIndex: 'createdAt', width: 190, render: (at: number) => formatDateTimeSeconds(at) },
    {
      title: t('backups.col.reason'),
      dataIndex: 'reason',
      width: 110,
      render: (reason: BackupEntry['reason']) =>
        reason in REASON_LABEL ? (
          <Tag color={REASON_COLOR[reason]} title={reason}>
            {t(REASON_LABEL[reason])}
          </Tag>
        ) : (
          <Typography.Text code>{reason}</Typography.Text>
        ),
    },
    {
      title: t('backups.col.size'),
      dataIndex: 'size',
      width: 120,
      align: 'right',
      render: (size: number) => t('backups.size', { mb: formatMegabytes(size) }),
    },
    {
      title: t('backups.col.encrypted'),
      dataIndex: 'encrypted',
      width: 100,
      render: (encrypted: boolean) =>
        encrypted ? (
          <Tag color="green" icon={<LockOutlined />}>
            {t('backups.encrypted.yes')}
          </Tag>
        ) : (
          <Tag color="red">{t('backups.encrypted.no')}</Tag>
        ),
    },
    {
      title: t('backups.col.checked'),
      dataIndex: 'checked',
      width: 110,
      render: (checked: boolean) =>
        checked ? (
          <Tag color="green" icon={<SafetyCertificateOutlined />}>
            {t('backups.checked.yes')}
          </Tag>
        ) : (
          <Tag title={t('backups.checked.noHint')}>{t('backups.checked.no')}</Tag>
        ),
    },
    {
      title: t('backups.col.name'),
      dataIndex: 'name',
      render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text>,
    },
    {
      title: t('backups.col.actions'),
      key: 'actions',
      width: 90,
      render: (_: unknown, b) => (
        <Button
          type="link"
          size="small"
          danger
          disabled={restore.isPending}
          onClick={() => confirmRestore(b)}
          data-testid={`backup-restore-${b.name}`}
        >
          {t('backups.restore')}
        </Button>
      ),
    },
  ];

  return (
    <div className="gd-admin-page" data-testid="backups-page">
      <div className="gd-admin-head">
        <div>
          <h1 className="gd-admin-title">{t('backups.title')}</h1>
          <div className="gd-admin-sub">
            {t('backups.subtitle')}
            {backups.data ? ` ${t('backups.count', { count: backups.data.length })}` : ''}
          </div>
        </div>
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          loading={create.isPending}
          disabled={restore.isPending}
          onClick={() => create.mutate({})}
          data-testid="backup-create"
        >
          {t('backups.create')}
        </Button>
      </div>
      {restored ? <BackupRestoreResult result={restored} onClose={() => setRestored(null)} /> : null}
      {backups.isError ? (
        <ErrorState compact error={backups.error} onRetry={() => void backups.refetch()} testId="backups-error" />
      ) : (
        <Table<BackupEntry>
          className="gd-admin-table"
          data-testid="backups-table"
          rowKey="name"
          size="middle"
          loading={backups.isPending || restore.isPending}
          columns={columns}
          dataSource={backups.data}
          pagination={false}
          locale={{ emptyText: t('backups.empty') }}
          onRow={(b) => testId(`backup-row-${b.name}`)}
        />
      )}
    </div>
  );
}
