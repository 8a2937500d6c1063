import { useEffect, useState } from 'react';
import { App, Button, Drawer, Input, Space, Table, Tag, Typography } from 'antd';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { useCan } from '../auth/session';
import { useJobFinished } from '../jobs/use-jobs';
import type { HoursEntry } from '../../../electron/api';
import { monthDays } from './months';

/** A person's hours in a period (manual and on the rota), and the 志愿服务证明 for it. */
export function PersonHoursDrawer({ person, month, onClose }: { person: { id: string; name: string } | null; month: string; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const can = useCan();
  const [period, setPeriod] = useState(monthDays(month));
  useEffect(() => setPeriod(monthDays(month)), [month, person?.id]);
  const detail = useApiQuery('serviceHours.person', { personId: person?.id ?? '', ...period }, { enabled: person !== null });
  const fail = (e: unknown) => void message.error(describeError(e, t).message);
  const watch = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    void downloadFile(job.file.fileId, job.file.name).then(() => void message.success(t('sh.certificate.done', { file: job.file!.name })), fail);
  });
  const certificate = useApiMutation('serviceHours.certificate', { onSuccess: watch, onError: fail });
  const remove = useApiMutation('serviceHours.remove', { onError: fail });
  return (
    <Drawer open={person !== null} onClose={onClose} width={640} title={person ? t('sh.person.title', { name: person.name }) : ''} destroyOnHidden>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('sh.person.from')}</span>
        <Input type="date" value={period.from} onChange={(e) => setPeriod({ ...period, from: e.target.value })} data-testid="person-from" />
        <span>{t('sh.person.to')}</span>
        <Input type="date" value={period.to} onChange={(e) => setPeriod({ ...period, to: e.target.value })} data-testid="person-to" />
        {can('hours.edit') && person ? (
          <Button type="primary" data-testid="certificate" loading={certificate.isPending} onClick={() => certificate.mutate({ personId: person.id, ...period })}>
            {t('sh.certificate')}
          </Button>
        ) : null}
      </Space>
      {detail.data ? (
        <>
          <Typography.Paragraph data-testid="person-sum">
            {detail.data.idNumber ? `${detail.data.idNumber} · ` : ''}
            {t('sh.person.sum', { hours: detail.data.hours, noShows: detail.data.noShows })}
          </Typography.Paragraph>
          <Table<HoursEntry>
            size="small"
            rowKey="id"
            dataSource={detail.data.entries}
            pagination={{ pageSize: 15, showSizeChanger: false }}
            columns={[
              { title: t('sh.col.date'), dataIndex: 'date' },
              { title: t('sh.col.activity'), dataIndex: 'activity' },
              { title: t('sh.col.kind'), key: 'kind', render: (_v, e) => (e.noShow ? <Tag color="red">{t('sh.col.noShows')}</Tag> : <Tag>{t(e.kind === 'manual' ? 'sh.kind.manual' : 'sh.kind.shift')}</Tag>) },
              { title: t('sh.col.community'), dataIndex: 'communityName' },
              { title: t('sh.col.hours'), dataIndex: 'hours' },
              { title: t('sh.col.confirmedBy'), dataIndex: 'confirmedBy' },
              {
                title: '',
                key: 'remove',
                render: (_v, e) =>
                  e.kind === 'manual' && can('hours.edit') ? (
                    <Button size="small" type="link" danger onClick={() => remove.mutate({ id: e.id })}>
                      {t('sh.remove')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
