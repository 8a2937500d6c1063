import { useMemo, useState } from 'react';
import { App, Button, Card, Empty, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { teamKinds, type TeamCandidate, type TeamPlace, type TeamProposal } from '../../../electron/api';
import { candidateLine } from './words';

interface Draft {
  name: string;
  members: TeamCandidate[];
}

/** Choose a compound and its sign-ups → the assistant's balanced proposal → move people between teams → confirm. */
export function GroupingAssistant({ places }: { places: TeamPlace[] }) {
  const t = useT();
  const { message } = App.useApp();
  const [communityId, setCommunityId] = useState<string | undefined>(places[0]?.id);
  const [compoundId, setCompoundId] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [count, setCount] = useState(2);
  const [kind, setKind] = useState<string>(teamKinds[0]);
  const [prefix, setPrefix] = useState('');
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [balance, setBalance] = useState<TeamProposal['balance']>([]);
  const fail = (e: unknown) => void message.error(describeError(e, t).message);
  const candidates = useApiQuery('volunteerTeams.candidates', { communityId: communityId ?? '' }, { enabled: Boolean(communityId) });
  const community = places.find((p) => p.id === communityId);
  const shown = useMemo(() => (candidates.data ?? []).filter((c) => !search || c.name.includes(search)), [candidates.data, search]);
  const confirm = useApiMutation('volunteerTeams.confirm', {
    onSuccess: (teams) => {
      void message.success(t('vt.assistant.confirmed', { n: teams.length }));
      setDrafts(null);
      setChosen([]);
    },
    onError: fail,
  });

  const propose = async () => {
    try {
      const p = await call('volunteerTeams.propose', { personIds: chosen, teams: count, ...(prefix ? { namePrefix: prefix } : {}) });
      setDrafts(p.teams.map((x) => ({ name: x.name, members: x.members })));
      setBalance(p.balance);
    } catch (e) {
      fail(e);
    }
  };
  const move = (personId: string, to: number) =>
    setDrafts((ds) => {
      if (!ds) return ds;
      const person = ds.flatMap((d) => d.members).find((m) => m.id === personId)!;
      return ds.map((d, i) => ({ ...d, members: i === to ? [...d.members.filter((m) => m.id !== personId), person] : d.members.filter((m) => m.id !== personId) }));
    });

  return (
    <Card title={t('vt.assistant')} size="small" data-testid="grouping-assistant">
      <Typography.Paragraph type="secondary">{t('vt.assistant.help')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          data-testid="assistant-community"
          style={{ width: 180 }}
          value={communityId}
          placeholder={t('vt.community')}
          options={places.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(v) => {
            setCommunityId(v);
            setCompoundId(undefined);
            setChosen([]);
            setDrafts(null);
          }}
        />
        <Select
          data-testid="assistant-compound"
          style={{ width: 200 }}
          value={compoundId}
          placeholder={t('vt.compound')}
          showSearch
          optionFilterProp="label"
          options={(community?.compounds ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={setCompoundId}
        />
        <Select data-testid="assistant-kind" style={{ width: 120 }} value={kind} options={teamKinds.map((k) => ({ value: k, label: k }))} onChange={setKind} />
        <span>{t('vt.assistant.teams')}</span>
        <InputNumber data-testid="assistant-count" min={1} max={100} value={count} onChange={(v) => setCount(v ?? 1)} />
        <Input data-testid="assistant-prefix" style={{ width: 140 }} placeholder={t('vt.assistant.prefix')} value={prefix} onChange={(e) => setPrefix(e.target.value)} />
        <Button type="primary" data-testid="assistant-propose" disabled={chosen.length < 2} onClick={() => void propose()}>
          {t('vt.assistant.propose')}
        </Button>
      </Space>
      {drafts === null ? (
        <>
          <Space style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('vt.assistant.people', { n: chosen.length })}</Typography.Text>
            <Input.Search data-testid="assistant-search" allowClear placeholder={t('vt.assistant.search')} onChange={(e) => setSearch(e.target.value)} style={{ width: 200 }} />
          </Space>
          <Table<TeamCandidate>
            data-testid="assistant-people"
            size="small"
            rowKey="id"
            loading={candidates.isLoading}
            dataSource={shown}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]), preserveSelectedRowKeys: true }}
            columns={[
              { title: t('sh.col.name'), dataIndex: 'name' },
              { title: '', key: 'line', render: (_v, c) => candidateLine(c, t) },
              { title: '', key: 'skills', render: (_v, c) => c.skills.map((s) => <Tag key={s}>{s}</Tag>) },
              { title: '', key: 'team', render: (_v, c) => (c.teamName ? <Tag color="blue">{t('vt.inTeam', { team: c.teamName })}</Tag> : null) },
            ]}
          />
        </>
      ) : (
        <>
          <div className="vt-proposal" data-testid="assistant-proposal">
            {drafts.map((d, i) => (
              <Card
                key={i}
                size="small"
                data-testid={`proposal-team-${i}`}
                title={<Input value={d.name} variant="borderless" data-testid={`proposal-name-${i}`} onChange={(e) => setDrafts(drafts.map((x, k) => (k === i ? { ...x, name: e.target.value } : x)))} />}
                extra={<Tag>{t('vt.memberCount', { n: d.members.length })}</Tag>}
              >
                {balance[i] ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('vt.assistant.balance', { men: d.members.filter((m) => m.gender === 'male').length, women: d.members.filter((m) => m.gender === 'female').length, age: balance[i].averageAge ?? '—' })}
                  </Typography.Text>
                ) : null}
                {d.members.map((m) => (
                  <div key={m.id} className="vt-member" data-testid="proposal-member" data-person={m.id}>
                    <span>
                      {m.name} <Typography.Text type="secondary">{candidateLine(m, t)}</Typography.Text> {m.skills.map((s) => <Tag key={s}>{s}</Tag>)}
                    </span>
                    <Select
                      size="small"
                      aria-label={t('vt.assistant.moveTo')}
                      data-testid={`move-${m.id}`}
                      value={i}
                      style={{ width: 110 }}
                      options={drafts.map((x, k) => ({ value: k, label: x.name }))}
                      onChange={(to) => move(m.id, to)}
                    />
                  </div>
                ))}
              </Card>
            ))}
          </div>
          <Space style={{ marginTop: 12 }}>
            <Button onClick={() => setDrafts(null)}>{t('vt.back')}</Button>
            <Button
              type="primary"
              data-testid="assistant-confirm"
              loading={confirm.isPending}
              onClick={() => {
                if (!communityId) return;
                confirm.mutate({ communityId, compoundId: compoundId ?? null, kind, teams: drafts.map((d) => ({ name: d.name, personIds: d.members.map((m) => m.id) })) });
              }}
            >
              {t('vt.assistant.confirm')}
            </Button>
          </Space>
        </>
      )}
      {places.length === 0 ? <Empty /> : null}
    </Card>
  );
}
