import { overLimit, textCount } from '../../ui/text-limit';
import { useEffect, useState } from 'react';
import { Button, Checkbox, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { BuildingFilter, ResidentTag } from '../../../electron/api';
import { useMapLayers } from '../../api/queries';
import { useT } from '../../i18n';
import { useSessionUser } from '../auth/session';
import { communityOptions, gridLimitOf, gridOptionsOf } from './area-options';
import { GROUPS } from './group-labels';
import { statusOptions } from '../statuses/status-options';
import { useStatusStyles } from '../statuses/use-status-styles';

const SEARCH_DELAY_MS = 300;
/** The longest search the service takes (`buildings.list` filter.search). */
const SEARCH_MAX = 40;

/** What the table shows: status, group, community → grid, address or pinyin initials, two switches. */
export function BuildingFilters({ filter, onChange }: { filter: BuildingFilter; onChange(filter: BuildingFilter): void }) {
  const t = useT();
  const layers = useMapLayers();
  const styles = useStatusStyles();
  const limit = gridLimitOf(useSessionUser());
  const [search, setSearch] = useState(filter.search ?? '');

  const searchTooLong = overLimit(search, SEARCH_MAX);
  useEffect(() => {
    if ((filter.search ?? '') === search.trim() || overLimit(search, SEARCH_MAX)) return undefined;
    const timer = window.setTimeout(() => onChange({ ...filter, search: search.trim() || undefined }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, filter, onChange]);

  const empty = Object.values(filter).every((v) => v === undefined || v === false || (Array.isArray(v) && v.length === 0));

  return (
    <div className="gd-bld-filters" data-testid="buildings-filters">
      <Select
        mode="multiple"
        allowClear
        className="gd-bld-filter-status"
        data-testid="filter-status"
        placeholder={t('buildings.filter.status')}
        value={filter.statuses ?? []}
        onChange={(statuses: string[]) => onChange({ ...filter, statuses })}
        maxTagCount="responsive"
        options={statusOptions(styles.choosable)}
      />
      <Select
        allowClear
        className="gd-bld-filter-group"
        data-testid="filter-group"
        placeholder={t('buildings.filter.group')}
        value={filter.tag}
        onChange={(tag: ResidentTag | undefined) => onChange({ ...filter, tag })}
        options={GROUPS.map((g) => ({ value: g.tag, label: t(g.label) }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="gd-bld-filter-community"
        data-testid="filter-community"
        placeholder={t('buildings.filter.community')}
        value={filter.communityId}
        onChange={(communityId: string | undefined) => onChange({ ...filter, communityId, gridIds: undefined })}
        options={communityOptions(layers.data, limit)}
      />
      <Select
        mode="multiple"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        maxTagCount="responsive"
        className="gd-bld-filter-grid"
        data-testid="filter-grid"
        placeholder={t('buildings.filter.grid')}
        value={filter.gridIds ?? []}
        onChange={(gridIds: string[]) => onChange({ ...filter, gridIds })}
        options={gridOptionsOf(layers.data, filter.communityId, limit)}
      />
      <Input
        allowClear
        className="gd-bld-filter-search"
        data-testid="filter-search"
        prefix={<SearchOutlined aria-hidden="true" />}
        placeholder={t('buildings.filter.search')}
        aria-label={t('buildings.filter.searchLabel')}
        value={search}
        count={textCount(SEARCH_MAX)}
        status={searchTooLong ? 'error' : undefined}
        title={searchTooLong ? t('buildings.filter.searchLong', { max: SEARCH_MAX }) : undefined}
        onChange={(e) => setSearch(e.target.value)}
      />
      {searchTooLong ? (
        <span className="gd-bld-filter-error" role="alert" data-testid="filter-search-long">
          {t('buildings.filter.searchLong', { max: SEARCH_MAX })}
        </span>
      ) : null}
      <Space size={12}>
        <Checkbox
          data-testid="filter-safe"
          checked={filter.safeCompound ?? false}
          onChange={(e) => onChange({ ...filter, safeCompound: e.target.checked || undefined })}
        >
          {t('buildings.filter.safe')}
        </Checkbox>
        <Checkbox
          data-testid="filter-needs"
          checked={filter.hasOpenNeeds ?? false}
          onChange={(e) => onChange({ ...filter, hasOpenNeeds: e.target.checked || undefined })}
        >
          {t('buildings.filter.needs')}
        </Checkbox>
        {!empty ? (
          <Button
            type="link"
            size="small"
            data-testid="filter-reset"
            onClick={() => {
              setSearch('');
              onChange({});
            }}
          >
            {t('buildings.filter.reset')}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}
