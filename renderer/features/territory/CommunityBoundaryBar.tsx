import { Button, Select, Space } from 'antd';
import type { MapArea } from '../../../electron/api';
import { useT } from '../../i18n';

interface Props {
  communities: MapArea[];
  communityId: string | null;
  editing: boolean;
  busy: boolean;
  disabled: boolean;
  onChoose(id: string): void;
  onEdit(): void;
  onSave(): void;
  onCancel(): void;
}

/** 社区边界: choose a community and edit its outline as a grid's is edited. */
export function CommunityBoundaryBar({ communities, communityId, editing, busy, disabled, onChoose, onEdit, onSave, onCancel }: Props) {
  const t = useT();
  return (
    <Space wrap className="gd-territory-form">
      <span>{t('territory.edit.community')}</span>
      <Select<string>
        value={communityId ?? undefined}
        onChange={onChoose}
        disabled={editing}
        options={communities.map((c) => ({ value: c.id, label: `${c.name}（${c.code}）` }))}
        style={{ width: 300 }}
        showSearch={{ optionFilterProp: 'label' }}
        data-testid="territory-edit-community"
      />
      {editing ? (
        <>
          <Button type="primary" loading={busy} onClick={onSave} data-testid="territory-community-save">
            {t('territory.edit.saveCommunity')}
          </Button>
          <Button onClick={onCancel}>{t('territory.edit.cancel')}</Button>
        </>
      ) : (
        <Button disabled={!communityId || disabled} onClick={onEdit} data-testid="territory-community-edit">
          {t('territory.edit.editCommunity')}
        </Button>
      )}
    </Space>
  );
}
