import { useState } from 'react';
import { App, Button, Input, Popconfirm, Space, Table } from 'antd';
import type { VolunteerSpecialty } from '../../../electron/api';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';

function Rename({ s, onError }: { s: VolunteerSpecialty; onError(e: unknown): void }) {
  const t = useT();
  const [name, setName] = useState(s.name);
  const save = useApiMutation('volunteers.saveSpecialty', { onError });
  const changed = name.trim() !== '' && name.trim() !== s.name;
  return (
    <Space.Compact>
      <Input value={name} maxLength={20} onChange={(e) => setName(e.target.value)} data-testid={`specialty-name-${s.name}`} />
      <Button disabled={!changed} loading={save.isPending} onClick={() => save.mutate({ id: s.id, name: name.trim() })} data-testid={`specialty-rename-${s.name}`}>
        {t('volunteers.specialties.rename')}
      </Button>
    </Space.Compact>
  );
}

/** 特长列表 (administrators): add, rename (the volunteers listing it follow), delete one nobody lists. */
export function SpecialtiesTab() {
  const t = useT();
  const { message } = App.useApp();
  const options = useApiQuery('volunteers.options', {});
  const [name, setName] = useState('');
  const onError = (e: unknown) => void message.error(describeError(e, t).message);
  const add = useApiMutation('volunteers.saveSpecialty', { onSuccess: () => setName(''), onError });
  const remove = useApiMutation('volunteers.deleteSpecialty', { onError });
  return (
    <div data-testid="specialties-tab">
      <Space.Compact className="gd-roster-filters">
        <Input value={name} maxLength={20} placeholder={t('volunteers.specialties.name')} onChange={(e) => setName(e.target.value)} data-testid="specialty-new" />
        <Button type="primary" disabled={name.trim() === ''} loading={add.isPending} onClick={() => add.mutate({ name: name.trim() })} data-testid="specialty-add">
          {t('volunteers.specialties.add')}
        </Button>
      </Space.Compact>
      <Table<VolunteerSpecialty>
        rowKey="id"
        size="small"
        pagination={false}
        loading={options.isLoading}
        dataSource={options.data?.specialties ?? []}
        data-testid="specialties-table"
        columns={[
          { title: t('volunteers.specialties.name'), key: 'name', render: (_, s) => <Rename key={s.name} s={s} onError={onError} /> },
          { title: t('volunteers.specialties.users'), key: 'count', render: (_, s) => t('volunteers.specialties.count', { n: s.count }) },
          {
            key: 'delete',
            render: (_, s) => (
              <Popconfirm title={t('volunteers.specialties.confirmDelete', { name: s.name })} onConfirm={() => remove.mutate({ id: s.id })} okButtonProps={{ 'data-testid': 'specialty-delete-ok' } as never}>
                <Button danger size="small" data-testid={`specialty-delete-${s.name}`}>
                  {t('volunteers.specialties.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
