import { useState } from 'react';
import { App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { useCan } from '../auth/session';
import type { VolunteerTeam } from '../../../electron/api';
import { GroupingAssistant } from './GroupingAssistant';
import { candidateLine, levelWord } from './words';
import './volunteer-teams.css';

/** 队伍: the teams of each community with their members, and the grouping assistant for a compound's sign-ups. */
export function VolunteerTeamsPage() {
  const t = useT();
  const { message } = App.useApp();
  const can = useCan();
  const canEdit = can('hours.edit');
  const [communityId, setCommunityId] = useState<string | undefined>();
  const places = useApiQuery('volunteerTeams.places', {});
  const teams = useApiQuery('volunteerTeams.list', communityId ? { communityId } : {});
  const fail = (e: unknown) => void message.error(describeError(e, t).message);
  const remove = useApiMutation('volunteerTeams.delete', { onError: fail });
  const move = useApiMutation('volunteerTeams.moveMember', { onSuccess: () => void message.success(t('vt.moved')), onError: fail });

  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />;
  if (!teams.data || !places.data) return <LoadingState text={t('app.loading')} />;
  const all = teams.data;
  const sameCommunity = (team: VolunteerTeam) => all.filter((x) => x.id !== team.id && x.communityId === team.communityId);

  return (
    <div style={{ padding: 16 }} data-testid="volunteer-teams-page">
      <Space style={{ marginBottom: 12 }} align="center">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('vt.title')}
        </Typography.Title>
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('vt.allCommunities')}
          value={communityId}
          onChange={setCommunityId}
          options={places.data.map((p) => ({ value: p.id, label: p.name }))}
        />
      </Space>
      {canEdit ? <GroupingAssistant places={places.data} /> : null}
      <Table<VolunteerTeam>
        style={{ marginTop: 16 }}
        data-testid="teams-table"
        size="small"
        rowKey="id"
        dataSource={all}
        locale={{ emptyText: t('vt.noTeams') }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        expandable={{
          rowExpandable: (team) => team.members.length > 0,
          expandedRowRender: (team) => (
            <div>
              {team.members.map((m) => (
                <div key={m.memberId} className="vt-member" data-testid="team-member">
                  <span>
                    {m.name} <Typography.Text type="secondary">{candidateLine(m, t)}</Typography.Text> {m.skills.map((s) => <Tag key={s}>{s}</Tag>)}
                  </span>
                  {canEdit && sameCommunity(team).length > 0 ? (
                    <Select
                      size="small"
                      style={{ width: 160 }}
                      placeholder={t('vt.move')}
                      options={sameCommunity(team).map((x) => ({ value: x.id, label: x.name }))}
                      onChange={(toTeamId: string) => move.mutate({ memberId: m.memberId, toTeamId })}
                    />
                  ) : null}
                </div>
              ))}
            </div>
          ),
        }}
        columns={[
          { title: t('vt.name'), dataIndex: 'name' },
          { title: t('vt.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{k}</Tag> },
          { title: t('vt.level'), key: 'level', render: (_v, team) => levelWord(team.level, t) },
          { title: t('vt.place'), key: 'place', render: (_v, team) => [team.communityName, team.compoundName ?? team.postName].filter(Boolean).join(' · ') },
          { title: t('vt.leader'), key: 'leader', render: (_v, team) => team.leaderName ?? '—' },
          { title: t('vt.members'), key: 'members', render: (_v, team) => t('vt.memberCount', { n: team.members.length }) },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_v: unknown, team: VolunteerTeam) => (
                    <Popconfirm title={t('vt.deleteConfirm', { name: team.name })} onConfirm={() => remove.mutate({ id: team.id })}>
                      <Button size="small" danger type="link">
                        {t('vt.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
