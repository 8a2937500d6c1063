import { TreeSelect } from 'antd';
import { useMapLayers } from '../../api/queries';
import { useT } from '../../i18n';

export interface AreaValue {
  communityIds: string[];
  gridIds: string[];
}

/** Communities with their grids, checkable: a whole community checked is sent as the community, otherwise its checked grids. */
export function AreaPicker({ value, onChange }: { value: AreaValue; onChange: (next: AreaValue) => void }) {
  const t = useT();
  const layers = useMapLayers();
  const communities = layers.data?.communities ?? [];
  const grids = layers.data?.grids ?? [];
  const tree = communities.map((c) => ({
    value: `c:${c.id}`,
    title: `${c.name}（${c.code}）`,
    children: grids.filter((g) => g.communityId === c.id).map((g) => ({ value: `g:${g.id}`, title: g.name })),
  }));
  const checked = [...value.communityIds.map((id) => `c:${id}`), ...value.gridIds.map((id) => `g:${id}`)];
  return (
    <TreeSelect
      treeData={tree}
      value={checked}
      onChange={(next: string[]) =>
        onChange({
          communityIds: next.filter((v) => v.startsWith('c:')).map((v) => v.slice(2)),
          gridIds: next.filter((v) => v.startsWith('g:')).map((v) => v.slice(2)),
        })
      }
      treeCheckable
      showCheckedStrategy={TreeSelect.SHOW_PARENT}
      allowClear
      loading={layers.isLoading}
      placeholder={t('exchange.export.area.whole')}
      style={{ width: '100%' }}
      data-testid="exchange-export-area"
    />
  );
}
