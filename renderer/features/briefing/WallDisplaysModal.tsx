import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { WALL_CODE_MINUTES, type WallDisplay, type WallPairingCode } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../../ui/error-text';

/**
 * 显示器配对: administrators and leaders make a pairing code for a wall PC (shown here once) and
 * see, and revoke, the displays paired so far.
 */
export function WallDisplaysModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const { message, modal } = App.useApp();
  // Paired from a wall PC meanwhile: asked afresh each time it opens, and while open.
  const list = useApiQuery('wall.list', {}, { staleTime: 0, refetchOnMount: 'always', refetchInterval: 5_000 });
  const [name, setName] = useState('');
  const [code, setCode] = useState<WallPairingCode | null>(null);
  const create = useApiMutation('wall.createCode', {
    onSuccess: (made) => {
      setCode(made);
      setName('');
    },
    onError: (error) => void message.error(describeError(error, t).message),
  });
  const revoke = useApiMutation('wall.revoke', {
    onSuccess: () => void list.refetch(),
    onError: (error) => void message.error(describeError(error, t).message),
  });
  const confirmRevoke = (d: WallDisplay) =>
    modal.confirm({ title: t('wall.manage.revokeConfirm', { name: d.name }), okButtonProps: { danger: true, 'data-testid': 'wall-revoke-confirm' } as Record<`data-${string}`, string>, onOk: () => revoke.mutateAsync({ id: d.id }) });

  return (
    <Modal open title={t('wall.manage.title')} onCancel={onClose} footer={null} width={820} data-testid="wall-displays">
      <Typography.Paragraph type="secondary">{t('wall.manage.hint', { minutes: WALL_CODE_MINUTES })}</Typography.Paragraph>
      <Form layout="inline" onFinish={() => create.mutate({ name })}>
        <Form.Item label={t('wall.manage.name')}>
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('wall.manage.namePlaceholder')} maxLength={40} data-testid="wall-name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="wall-create-code">
          {t('wall.manage.create')}
        </Button>
      </Form>
      {code ? (
        <Alert
          className="gd-wall-code"
          type="success"
          message={t('wall.manage.code', { at: formatDateTime(code.expiresAt) })}
          description={
            <span className="gd-wall-code-digits" data-testid="wall-code">
              {`${code.code.slice(0, 4)} ${code.code.slice(4)}`}
            </span>
          }
        />
      ) : null}
      <Table<WallDisplay>
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('wall.manage.empty') }}
        data-testid="wall-list"
        onRow={(d) => ({ 'data-testid': `wall-row-${d.name}` }) as object}
        columns={[
          { key: 'name', title: t('wall.manage.col.name'), dataIndex: 'name' },
          { key: 'paired', title: t('wall.manage.col.paired'), render: (_, d) => formatDateTime(d.pairedAt) },
          { key: 'by', title: t('wall.manage.col.by'), dataIndex: 'pairedBy' },
          { key: 'from', title: t('wall.manage.col.from'), dataIndex: 'pairedFrom' },
          {
            key: 'state',
            title: t('wall.manage.col.state'),
            render: (_, d) => (d.revokedAt === null ? <Tag color="green">{t('wall.manage.active')}</Tag> : <Tag>{t('wall.manage.revoked', { at: formatDateTime(d.revokedAt) })}</Tag>),
          },
          {
            key: 'revoke',
            render: (_, d) =>
              d.revokedAt === null ? (
                <Button danger size="small" onClick={() => confirmRevoke(d)} data-testid={`wall-revoke-${d.name}`}>
                  {t('wall.manage.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Modal>
  );
}
