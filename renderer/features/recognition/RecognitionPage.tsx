import { useState } from 'react';
import { App, Button, Card, Col, Empty, Form, Input, List, Popconfirm, Row, Select, Space, Tag, Typography } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { FormModal } from '../../ui/FormModal';
import { useFormSubmit } from '../../ui/use-form-submit';
import { useCan } from '../auth/session';
import { recognitionTitleKeys, type RecognitionTitleKey } from '../../../electron/api';
import { recentMonths } from '../service-hours/months';

interface NominateValues {
  personId: string;
  title: RecognitionTitleKey;
  reason: string;
}

/** 评优: a month's nominations for 最美楼栋长 / 最美志愿者, one vote per account and title, and the kept results. */
export function RecognitionPage() {
  const t = useT();
  const { message } = App.useApp();
  const can = useCan();
  const months = recentMonths(12);
  const [month, setMonth] = useState(months[0]!);
  const [nominating, setNominating] = useState(false);
  const data = useApiQuery('recognition.month', { month });
  const people = useApiQuery('volunteerTeams.candidates', {}, { enabled: nominating });
  const fail = (e: unknown) => void message.error(describeError(e, t).message);
  const vote = useApiMutation('recognition.vote', { onError: fail });
  const close = useApiMutation('recognition.close', { onSuccess: () => void message.success(t('rc.closed', { month })), onError: fail });
  const { form, error, submit } = useFormSubmit<NominateValues>(['personId', 'title', 'reason']);

  if (data.isError) return <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <LoadingState text={t('app.loading')} />;
  const m = data.data;

  return (
    <div style={{ padding: 16 }} data-testid="recognition-page">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('rc.title')}
        </Typography.Title>
        <Select value={month} onChange={setMonth} options={months.map((x) => ({ value: x, label: x }))} style={{ width: 120 }} data-testid="recognition-month" />
        {m.closed ? <Tag color="gold">{t('rc.closed', { month })}</Tag> : null}
        {can('hours.edit') && !m.closed ? (
          <>
            <Button type="primary" onClick={() => setNominating(true)} data-testid="nominate">
              {t('rc.nominate')}
            </Button>
            <Popconfirm title={t('rc.closeConfirm', { month })} onConfirm={() => close.mutate({ month })}>
              <Button data-testid="close-month" disabled={m.nominations.length === 0}>
                {t('rc.close')}
              </Button>
            </Popconfirm>
          </>
        ) : null}
      </Space>
      <Row gutter={16}>
        {recognitionTitleKeys.map((title) => {
          const list = m.nominations.filter((n) => n.title === title).sort((a, b) => b.votes - a.votes);
          const voted = m.myVotes.includes(title);
          return (
            <Col span={12} key={title}>
              <Card title={t(`rc.title.${title}`)} size="small" data-testid={`recognition-${title}`}>
                {list.length === 0 ? (
                  <Empty description={t('rc.none')} />
                ) : (
                  <List
                    dataSource={list}
                    renderItem={(n) => (
                      <List.Item
                        data-testid="nomination"
                        actions={[
                          <Tag key="votes">{t('rc.votes', { n: n.votes })}</Tag>,
                          n.elected ? (
                            <Tag key="won" color="gold" icon={<TrophyOutlined />}>
                              {t('rc.elected')}
                            </Tag>
                          ) : null,
                          can('recognition.vote') && !m.closed ? (
                            <Button key="vote" size="small" disabled={voted} type={n.votedByMe ? 'primary' : 'default'} onClick={() => vote.mutate({ nominationId: n.id })}>
                              {n.votedByMe ? t('rc.voted') : t('rc.vote')}
                            </Button>
                          ) : null,
                        ]}
                      >
                        <List.Item.Meta title={n.name} description={`${n.reason}（${t('rc.by', { name: n.nominatedByName })}）`} />
                      </List.Item>
                    )}
                  />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
      <FormModal
        testId="nominate"
        open={nominating}
        title={t('rc.nominate')}
        okText={t('rc.nominate')}
        pending={false}
        error={error}
        onClose={() => setNominating(false)}
        onOk={() =>
          submit(async (v) => {
            const n = await call('recognition.nominate', { month, ...v });
            await data.refetch();
            void message.success(t('rc.nominated', { name: n.name }));
            setNominating(false);
            form.resetFields();
          })
        }
      >
        <Form form={form} layout="vertical" initialValues={{ title: 'volunteer' }}>
          <Form.Item name="title" label={t('rc.nominate.title')}>
            <Select options={recognitionTitleKeys.map((k) => ({ value: k, label: t(`rc.title.${k}`) }))} />
          </Form.Item>
          <Form.Item name="personId" label={t('rc.nominate.person')} rules={[{ required: true, message: t('rc.nominate.person') }]}>
            <Select showSearch optionFilterProp="label" loading={people.isLoading} options={(people.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('rc.nominate.reason')} rules={[{ required: true, message: t('rc.nominate.reason') }]}>
            <Input.TextArea maxLength={200} rows={3} />
          </Form.Item>
        </Form>
      </FormModal>
    </div>
  );
}
