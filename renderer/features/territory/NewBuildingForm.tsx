import { useState } from 'react';
import { Button, Input, InputNumber, Space } from 'antd';
import { useT } from '../../i18n';

/** Name, address and floors of a footprint just drawn. */
export function NewBuildingForm({ busy, onSave, onCancel }: { busy: boolean; onSave(v: { name: string; address: string; floors: number }): void; onCancel(): void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [floors, setFloors] = useState<number | null>(6);
  return (
    <Space wrap className="gd-territory-form" data-testid="territory-new-building">
      <strong>{t('territory.edit.newBuilding')}</strong>
      <Input placeholder={t('territory.edit.buildingName')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 140 }} data-testid="territory-new-building-name" />
      <Input placeholder={t('territory.edit.buildingAddress')} value={address} onChange={(e) => setAddress(e.target.value)} style={{ width: 240 }} data-testid="territory-new-building-address" />
      <InputNumber addonBefore={t('territory.edit.buildingFloors')} min={1} max={200} value={floors} onChange={setFloors} style={{ width: 140 }} data-testid="territory-new-building-floors" />
      <Button type="primary" loading={busy} onClick={() => onSave({ name, address, floors: floors ?? 0 })} data-testid="territory-new-building-save">
        {t('territory.edit.saveBuilding')}
      </Button>
      <Button onClick={onCancel}>{t('territory.edit.cancel')}</Button>
    </Space>
  );
}
