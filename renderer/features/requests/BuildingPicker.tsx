import { useState } from 'react';
import { Select } from 'antd';
import { useApiQuery } from '../../api/queries';
import { useT } from '../../i18n';

/** Picks a building by its address or pinyin initials, through the header search's service. */
export function BuildingPicker({ value, onChange }: { value?: string; onChange?: (id: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const found = useApiQuery('search.all', { text: text.trim() || '-', limit: 20 }, { enabled: text.trim().length > 0 });
  const options = (found.data?.buildings.items ?? []).map((b) => ({ value: b.id, label: b.label || b.address }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={onChange}
      placeholder={t('requests.form.buildingPlaceholder')}
      notFoundContent={text.trim() ? t('requests.form.buildingNone') : null}
      loading={found.isFetching}
      options={options}
      data-testid="request-building"
    />
  );
}
