import { useState } from 'react';
import { Button, Card, Descriptions, Space, Tag, Timeline } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useCan } from '../auth/session';
import { RevealNumber } from './RevealNumber';
import { StatusDialog } from './StatusDialog';
import { EditDialog } from './EditDialog';
import { AvailabilityGrid } from './AvailabilityGrid';

const when = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false });

/** A volunteer's page: profile with masked numbers (revealed the audited way), status with its history, the duty briefing. */
export function VolunteerView({ id, onBack }: { id: string; onBack(): void }) {
  const t = useT();
  const can = useCan();
  const edit = can('volunteers.edit');
  const reveal = can('personal.reveal');
  const [changing, setChanging] = useState(false);
  const [editing, setEditing] = useState(false);
  const v = useApiQuery('volunteers.get', { id });
  const ack = useApiMutation('volunteers.acknowledgeBriefing');
  if (v.isError) return <ErrorState error={v.error} onRetry={() => void v.refetch()} />;
  if (!v.data) return <LoadingState text={t('app.loading')} />;
  const d = v.data;
  return (
    <div className="gd-volunteer" data-testid="volunteer-view">
      <Space className="gd-volunteer-head">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack} data-testid="volunteer-back">
          {t('volunteers.back')}
        </Button>
        <h2 data-testid="volunteer-name">{d.name}</h2>
        <Tag color={d.status === 'active' ? 'green' : d.status === 'paused' ? 'orange' : 'default'} data-testid="volunteer-status">
          {t(`volunteers.status.${d.status}`)}
        </Tag>
        {edit && (
          <Button onClick={() => setEditing(true)} data-testid="volunteer-edit">
            {t('volunteers.edit')}
          </Button>
        )}
        {edit && (
          <Button onClick={() => setChanging(true)} data-testid="volunteer-change-status">
            {t('volunteers.changeStatus')}
          </Button>
        )}
      </Space>
      <Card title={t('volunteers.profile')} size="small">
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('volunteers.col.gender')}>{t(`volunteers.gender.${d.gender}`)}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.birthDate')}>{d.birthDate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.col.phone')}>{reveal ? <RevealNumber personId={d.personId} field="phone" masked={d.phone} /> : d.phone}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.idNumber')}>
            {d.idNumber ? reveal ? <RevealNumber personId={d.personId} field="idNumber" masked={d.idNumber} /> : d.idNumber : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.col.kind')}>{t(`volunteers.kind.${d.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.unit')}>{d.unit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.filter.community')}>{d.communityName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.building')}>{d.building ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.col.skills')}>{d.skills.length ? d.skills.map((s) => <Tag key={s}>{s}</Tag>) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('volunteers.field.availability')} span={2}>
            <AvailabilityGrid value={d.availability} readOnly />
          </Descriptions.Item>
          <Descriptions.Item label={t('volunteers.col.briefing')} span={2}>
            {d.briefingAt ? (
              t('volunteers.acknowledged', { time: when(d.briefingAt) })
            ) : edit ? (
              <Button size="small" loading={ack.isPending} onClick={() => ack.mutate({ id })} data-testid="volunteer-acknowledge">
                {t('volunteers.acknowledge')}
              </Button>
            ) : (
              t('volunteers.briefing.no')
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('volunteers.history')} size="small" data-testid="volunteer-history">
        <Timeline
          items={d.history.map((h) => ({
            key: h.id,
            children: (
              <div data-testid="volunteer-history-item">
                <strong>{h.from ? t('volunteers.history.line', { from: t(`volunteers.status.${h.from}`), to: t(`volunteers.status.${h.to}`) }) : t('volunteers.history.first', { to: t(`volunteers.status.${h.to}`) })}</strong>
                <div>{h.reason}</div>
                <div className="gd-muted">
                  {h.changedBy} · {when(h.changedAt)}
                </div>
              </div>
            ),
          }))}
        />
      </Card>
      {editing && <EditDialog volunteer={d} onClose={() => setEditing(false)} />}
      {changing && <StatusDialog id={id} current={d.status} onClose={() => setChanging(false)} />}
    </div>
  );
}
