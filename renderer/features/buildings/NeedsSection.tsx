import { useState } from 'react';
import { App, Button, Input, Popconfirm, Popover, Space, Tag, type TableColumnsType } from 'antd';
import { CheckOutlined, UserAddOutlined } from '@ant-design/icons';
import type { BuildingNeed } from '../../../electron/api';
import { useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { describeError } from '../../ui/error-text';
import { NeedFormModal } from './NeedFormModal';
import { RecordsCard } from './RecordsCard';
import { needKindColor } from './need-kinds';
import { useApiMutation } from '../../api/queries';

function AssignButton({ need }: { need: BuildingNeed }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(need.assignee ?? '');
  const [error, setError] = useState<string | null>(null);
  const update = useApiMutation('buildings.updateNeed');
  const save = () => {
    const value = name.trim();
    if (!value) return setError(t('buildings.need.assigneeRequired'));
    if (value.length > 40) return setError(t('buildings.field.max40'));
    setError(null);
    update.mutate(
      { id: need.id, assignee: value },
      { onSuccess: () => setOpen(false), onError: (e) => setError(describeError(e, t).message) },
    );
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title={t('buildings.need.assignTitle')}
      content={
        <div className="gd-bp-assign">
          <Space.Compact>
            <Input
              autoFocus
              value={name}
              maxLength={40}
              status={error ? 'error' : undefined}
              placeholder={t('buildings.need.assigneePlaceholder')}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={save}
              data-testid={`need-assign-input-${need.id}`}
            />
            <Button type="primary" loading={update.isPending} onClick={save} data-testid={`need-assign-save-${need.id}`}>
              {t('buildings.save')}
            </Button>
          </Space.Compact>
          {error ? <div className="gd-bp-field-error">{error}</div> : null}
        </div>
      }
    >
      <Button size="small" type="link" icon={<UserAddOutlined />} data-testid={`need-assign-${need.id}`}>
        {need.assignee ? t('buildings.need.reassign') : t('buildings.need.assign')}
      </Button>
    </Popover>
  );
}

function DoneButton({ need }: { need: BuildingNeed }) {
  const t = useT();
  const { message } = App.useApp();
  const update = useApiMutation('buildings.updateNeed');
  return (
    <Popconfirm
      title={t('buildings.need.doneConfirm')}
      okText={t('buildings.need.done')}
      onConfirm={() =>
        update.mutateAsync({ id: need.id, done: true }).then(
          () => void message.success(t('buildings.need.doneOk')),
          (e: unknown) => void message.error(describeError(e, t).message),
        )
      }
      okButtonProps={{ 'data-testid': 'need-done-confirm' }}
    >
      <Button size="small" type="link" icon={<CheckOutlined />} loading={update.isPending} data-testid={`need-done-${need.id}`}>
        {t('buildings.need.done')}
      </Button>
    </Popconfirm>
  );
}

/** Open needs (代购、送药) of the building: add, assign, mark done. */
export function NeedsSection({ buildingId, needs, canEdit }: { buildingId: string; needs: BuildingNeed[]; canEdit: boolean }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const columns: TableColumnsType<BuildingNeed> = [
    {
      title: t('buildings.need.kind'),
      dataIndex: 'kind',
      width: 72,
      render: (kind: BuildingNeed['kind']) => <Tag color={needKindColor(kind)}>{t(`buildings.needKind.${kind}`)}</Tag>,
    },
    { title: t('buildings.need.detail'), dataIndex: 'detail' },
    { title: t('buildings.need.requestedBy'), dataIndex: 'requestedBy', width: 120 },
    { title: t('buildings.need.requestedAt'), dataIndex: 'requestedAt', width: 140, render: (at: number) => formatDateTime(at) },
    {
      title: t('buildings.need.assignee'),
      dataIndex: 'assignee',
      width: 100,
      render: (who: string | null) => who ?? <span className="gd-muted">{t('buildings.need.unassigned')}</span>,
    },
    ...(canEdit
      ? [
          {
            title: t('buildings.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, need: BuildingNeed) => (
              <span className="gd-bp-actions">
                <AssignButton need={need} />
                <DoneButton need={need} />
              </span>
            ),
          },
        ]
      : []),
  ];
  return (
    <RecordsCard<BuildingNeed>
      testId="building-needs"
      rowTestId="need"
      title={t('buildings.need.title', { n: needs.length })}
      addLabel={canEdit ? t('buildings.need.add') : null}
      onAdd={() => setAdding(true)}
      empty={t('buildings.need.none')}
      rows={needs}
      columns={columns}
    >
      {canEdit ? <NeedFormModal buildingId={buildingId} open={adding} onClose={() => setAdding(false)} /> : null}
    </RecordsCard>
  );
}
