import { Button, Checkbox, Select } from 'antd';
import type { RequestFilter } from '../../../electron/api';
import { useMapLayers } from '../../api/queries';
import { useT } from '../../i18n';
import { useSessionUser } from '../auth/session';
import { communityOptions, gridLimitOf, gridOptionsOf } from '../buildings/area-options';
import { useRequestOptions } from './request-words';

/** Community → grid (named with its community), kind, state, source, and overdue only. */
export function RequestFilters({ filter, onChange }: { filter: RequestFilter; onChange(filter: RequestFilter): void }) {
  const t = useT();
  const layers = useMapLayers();
  const options = useRequestOptions();
  const limit = gridLimitOf(useSessionUser());
  const empty = Object.values(filter).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
  const set = (patch: Partial<RequestFilter>) => {
    const next: Record<string, unknown> = { ...filter, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined || (Array.isArray(next[k]) && (next[k] as unknown[]).length === 0)) delete next[k];
    onChange(next as RequestFilter);
  };
  return (
    <div className="gd-req-filters" data-testid="requests-filters">
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="gd-req-filter-community"
        placeholder={t('requests.filter.community')}
        value={filter.communityId}
        onChange={(communityId?: string) => set({ communityId, gridId: undefined })}
        options={communityOptions(layers.data, limit)}
        data-testid="filter-community"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="gd-req-filter-grid"
        placeholder={t('requests.filter.grid')}
        value={filter.gridId}
        onChange={(gridId?: string) => set({ gridId })}
        options={gridOptionsOf(layers.data, filter.communityId, limit)}
        popupMatchSelectWidth={false}
        data-testid="filter-grid"
      />
      <Select mode="multiple" allowClear maxTagCount="responsive" className="gd-req-filter-kind" placeholder={t('requests.filter.kind')} value={filter.kinds ?? []} onChange={(kinds) => set({ kinds })} options={options('kind')} data-testid="filter-kind" />
      <Select mode="multiple" allowClear maxTagCount="responsive" className="gd-req-filter-state" placeholder={t('requests.filter.state')} value={filter.states ?? []} onChange={(states) => set({ states })} options={options('state')} data-testid="filter-state" />
      <Select mode="multiple" allowClear maxTagCount="responsive" className="gd-req-filter-source" placeholder={t('requests.filter.source')} value={filter.sources ?? []} onChange={(sources) => set({ sources })} options={options('source')} data-testid="filter-source" />
      <Checkbox checked={filter.overdue === true} onChange={(e) => set({ overdue: e.target.checked ? true : undefined })} data-testid="filter-overdue">
        {t('requests.filter.overdue')}
      </Checkbox>
      {filter.group ? (
        <Button size="small" onClick={() => set({ group: undefined })} data-testid="filter-group">
          {t(filter.group === 'need' ? 'requests.filter.needsOnly' : 'requests.filter.incidentsOnly')} ×
        </Button>
      ) : null}
      {filter.open !== undefined ? (
        <Button size="small" onClick={() => set({ open: undefined })} data-testid="filter-open">
          {t('requests.filter.openOnly')} ×
        </Button>
      ) : null}
      {filter.buildingId ? (
        <Button size="small" onClick={() => set({ buildingId: undefined })} data-testid="filter-building">
          {t('requests.filter.oneBuilding')} ×
        </Button>
      ) : null}
      <Button type="link" disabled={empty} onClick={() => onChange({})} data-testid="filter-clear">
        {t('requests.filter.clear')}
      </Button>
    </div>
  );
}
