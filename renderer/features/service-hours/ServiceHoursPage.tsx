import { useState } from 'react';
import { App, Button, Card, Col, Input, InputNumber, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { downloadFile } from '../../api/files';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useCan } from '../auth/session';
import { useJobFinished } from '../jobs/use-jobs';
import type { HoursTotals, PersonHours } from '../../../electron/api';
import { AddHoursModal } from './AddHoursModal';
import { PersonHoursDrawer } from './PersonHoursDrawer';
import { recentMonths } from './months';

/** 服务时长: a month's totals per person, team, community and the months before, with the active threshold. */
export function ServiceHoursPage() {
  const t = useT();
  const { message } = App.useApp();
  const can = useCan();
  const months = recentMonths(12);
  const [month, setMonth] = useState(months[0]!);
  const [adding, setAdding] = useState(false);
  const [person, setPerson] = useState<{ id: string; name: string } | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [search, setSearch] = useState('');
  const totals = useApiQuery('serviceHours.totals', { month }, { placeholderData: keepPreviousData });
  const history = useApiQuery('serviceHours.months', { month });
  const fail = (e: unknown) => void message.error(describeError(e, t).message);
  const watch = useJobFinished((job) => {
    if (job.state !== 'done' || !job.file) return;
    void downloadFile(job.file.fileId, job.file.name).then(() => void message.success(t('sh.exported', { file: job.file!.name })), fail);
  });
  const exporter = useApiMutation('serviceHours.export', { onSuccess: watch, onError: fail });
  const setLimit = useApiMutation('serviceHours.setThreshold', {
    onSuccess: (r) => {
      setThreshold(null);
      void message.success(t('sh.threshold.saved', { n: r.hours }));
    },
    onError: fail,
  });

  if (totals.isError) return <ErrorState error={totals.error} onRetry={() => void totals.refetch()} />;
  if (!totals.data) return <LoadingState text={t('app.loading')} />;
  const d: HoursTotals = totals.data;

  return (
    <div style={{ padding: 16 }} data-testid="service-hours-page">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('sh.title')}
        </Typography.Title>
        <Select data-testid="hours-month" value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: m }))} style={{ width: 120 }} />
        {can('hours.edit') ? (
          <Button icon={<PlusOutlined />} type="primary" data-testid="add-hours" onClick={() => setAdding(true)}>
            {t('sh.add')}
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined />} data-testid="export-hours" loading={exporter.isPending} onClick={() => exporter.mutate({ month })}>
          {t('sh.export')}
        </Button>
      </Space>
      <Row gutter={12} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('sh.total')} value={d.street.hours} data-testid="street-hours" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('sh.people')} value={d.street.people} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('sh.active')} value={d.street.active} data-testid="street-active" />
            <Space size={4}>
              <Typography.Text type="secondary" data-testid="threshold">
                {t('sh.threshold', { n: d.activeThreshold })}
              </Typography.Text>
              {can('hours.configure') ? (
                threshold === null ? (
                  <Button size="small" type="link" onClick={() => setThreshold(d.activeThreshold)}>
                    {t('sh.threshold.edit')}
                  </Button>
                ) : (
                  <>
                    <InputNumber size="small" min={0.5} max={200} step={0.5} value={threshold} onChange={(v) => setThreshold(v)} style={{ width: 70 }} />
                    <Button size="small" type="primary" onClick={() => setLimit.mutate({ hours: threshold })}>
                      {t('common.save')}
                    </Button>
                  </>
                )
              ) : null}
            </Space>
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title={t('sh.noShows')} value={d.street.noShows} />
          </Card>
        </Col>
      </Row>
      <Tabs
        tabBarExtraContent={<Input.Search allowClear placeholder={t('sh.col.name')} data-testid="hours-search" style={{ width: 180 }} onChange={(e) => setSearch(e.target.value.trim())} />}
        items={[
          {
            key: 'people',
            label: t('sh.tab.people'),
            children: (
              <Table<PersonHours>
                data-testid="hours-people"
                size="small"
                rowKey="personId"
                dataSource={search ? d.people.filter((p) => p.name.includes(search)) : d.people}
                locale={{ emptyText: t('sh.empty') }}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                onRow={(p) => ({ onClick: () => setPerson({ id: p.personId, name: p.name }), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('sh.col.name'), dataIndex: 'name' },
                  { title: t('sh.col.manual'), dataIndex: 'manualHours' },
                  { title: t('sh.col.shift'), dataIndex: 'shiftHours' },
                  { title: t('sh.col.hours'), dataIndex: 'hours', sorter: (a, b) => a.hours - b.hours },
                  { title: t('sh.col.noShows'), dataIndex: 'noShows', render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
                  { title: t('sh.col.active'), dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">{t('sh.yes')}</Tag> : null) },
                ]}
              />
            ),
          },
          {
            key: 'teams',
            label: t('sh.tab.teams'),
            children: (
              <Table
                data-testid="hours-teams"
                size="small"
                rowKey="teamId"
                dataSource={d.teams}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                columns={[
                  { title: t('sh.col.team'), dataIndex: 'name' },
                  { title: t('sh.col.community'), dataIndex: 'communityName' },
                  { title: t('sh.col.members'), dataIndex: 'members' },
                  { title: t('sh.col.activeMembers'), dataIndex: 'active' },
                  { title: t('sh.col.hours'), dataIndex: 'hours' },
                ]}
              />
            ),
          },
          {
            key: 'communities',
            label: t('sh.tab.communities'),
            children: (
              <Table
                data-testid="hours-communities"
                size="small"
                rowKey={(c) => c.communityId ?? 'none'}
                dataSource={d.communities}
                pagination={false}
                columns={[
                  { title: t('sh.col.community'), dataIndex: 'name' },
                  { title: t('sh.people'), dataIndex: 'people' },
                  { title: t('sh.col.hours'), dataIndex: 'hours' },
                ]}
              />
            ),
          },
          {
            key: 'months',
            label: t('sh.tab.months'),
            children: (
              <Table
                size="small"
                rowKey="month"
                loading={history.isLoading}
                dataSource={history.data ?? []}
                pagination={false}
                columns={[
                  { title: t('sh.col.month'), dataIndex: 'month' },
                  { title: t('sh.col.hours'), dataIndex: 'hours' },
                  { title: t('sh.active'), dataIndex: 'active' },
                ]}
              />
            ),
          },
        ]}
      />
      <AddHoursModal open={adding} onClose={() => setAdding(false)} />
      <PersonHoursDrawer person={person} month={month} onClose={() => setPerson(null)} />
    </div>
  );
}
