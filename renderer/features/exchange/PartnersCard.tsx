import { useState } from 'react';
import { App, Button, Card, Input, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { BundlePartner } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../../ui/error-text';

/** The trust list: partners added from their key cards, and revoking one. */
export function PartnersCard() {
  const t = useT();
  const { message, modal } = App.useApp();
  const partners = useApiQuery('bundles.partners', {});
  const [card, setCard] = useState('');
  const add = useApiMutation('bundles.addPartner', {
    onSuccess: (p) => {
      setCard('');
      void message.success(t('exchange.partners.added', { name: p.name, fingerprint: p.fingerprint }));
    },
    onError: (error) => void message.error(describeError(error, t).message),
  });
  const revoke = useApiMutation('bundles.revokePartner', { onError: (error) => void message.error(describeError(error, t).message) });
  const confirmRevoke = (p: BundlePartner) =>
    modal.confirm({
      title: t('exchange.partners.revokeConfirm', { name: p.name }),
      okText: t('exchange.partners.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => revoke.mutateAsync({ id: p.id }).catch(() => undefined),
    });
  const columns: TableColumnsType<BundlePartner> = [
    { title: t('exchange.col.name'), dataIndex: 'name' },
    { title: t('exchange.col.code'), dataIndex: 'officeCode' },
    { title: t('exchange.fingerprint'), dataIndex: 'fingerprint', render: (f: string) => <code>{f}</code> },
    {
      title: t('exchange.col.anchor'),
      key: 'anchor',
      render: (_: unknown, p) =>
        p.anchor ? (
          <Tooltip title={t('exchange.anchor.detail', { hash: p.anchor.auditHash, at: formatDateTime(p.anchor.at), received: formatDateTime(p.anchor.receivedAt), count: p.anchor.count })}>
            <span data-testid={`exchange-anchor-${p.officeCode}`}>{t('exchange.anchor.short', { seq: p.anchor.auditSeq, hash: p.anchor.auditHash.slice(0, 12) })}</span>
          </Tooltip>
        ) : (
          <span className="gd-muted">{t('exchange.anchor.none')}</span>
        ),
    },
    {
      title: t('exchange.col.state'),
      key: 'state',
      render: (_: unknown, p) =>
        p.revokedAt ? (
          <Tag color="red">{t('exchange.partners.revoked')}</Tag>
        ) : (
          <>
            <Tag color="green">{t('exchange.state.trusted')}</Tag>
            <Button type="link" size="small" danger onClick={() => confirmRevoke(p)} data-testid={`exchange-revoke-${p.officeCode}`}>
              {t('exchange.partners.revoke')}
            </Button>
          </>
        ),
    },
  ];
  return (
    <Card title={t('exchange.partners')} size="small" data-testid="exchange-partners">
      <Table<BundlePartner>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={partners.data ?? []}
        loading={partners.isLoading}
        locale={{ emptyText: t('exchange.partners.empty') }}
      />
      <div className="gd-exchange-section">
        <Input.TextArea
          rows={4}
          value={card}
          onChange={(e) => setCard(e.target.value)}
          placeholder={t('exchange.partners.cardPlaceholder')}
          aria-label={t('exchange.partners.card')}
          data-testid="exchange-partner-card"
        />
        <Button type="primary" className="gd-exchange-section" disabled={!card.trim()} loading={add.isPending} onClick={() => add.mutate({ card })} data-testid="exchange-partner-add">
          {t('exchange.partners.add')}
        </Button>
      </div>
    </Card>
  );
}
