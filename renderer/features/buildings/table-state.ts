import { buildingSortKeys, residentTagKinds, type BuildingFilter, type ResidentTag } from '../../../electron/api';

export type SortKey = (typeof buildingSortKeys)[number];

export interface TableState {
  filter: BuildingFilter;
  sort: { key: SortKey; order: 'asc' | 'desc' };
  page: number;
}

export const PAGE_SIZE = 50;
export const DEFAULT_SORT: TableState['sort'] = { key: 'address', order: 'asc' };

const list = (value: string | null): string[] => (value ? value.split(',').filter(Boolean) : []);

/** The table's filters, sort and page from the hash query (`#/buildings?status=sealed&q=zsl&page=2`). */
export function readTableState(query: URLSearchParams): TableState {
  const filter: BuildingFilter = {};
  const statuses = list(query.get('status'));
  if (statuses.length) filter.statuses = statuses;
  const tag = query.get('group');
  if (tag && (residentTagKinds as readonly string[]).includes(tag)) filter.tag = tag as ResidentTag;
  const community = query.get('community');
  if (community) filter.communityId = community;
  const grids = list(query.get('grid'));
  if (grids.length) filter.gridIds = grids;
  const search = query.get('q')?.trim();
  if (search) filter.search = search;
  if (query.get('safe') === '1') filter.safeCompound = true;
  if (query.get('needs') === '1') filter.hasOpenNeeds = true;
  const key = query.get('sort');
  const sort: TableState['sort'] =
    key && (buildingSortKeys as readonly string[]).includes(key)
      ? { key: key as SortKey, order: query.get('order') === 'desc' ? 'desc' : 'asc' }
      : DEFAULT_SORT;
  const page = Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1);
  return { filter, sort, page };
}

export function writeTableState({ filter, sort, page }: TableState): URLSearchParams {
  const q = new URLSearchParams();
  if (filter.statuses?.length) q.set('status', filter.statuses.join(','));
  if (filter.tag) q.set('group', filter.tag);
  if (filter.communityId) q.set('community', filter.communityId);
  if (filter.gridIds?.length) q.set('grid', filter.gridIds.join(','));
  if (filter.search) q.set('q', filter.search);
  if (filter.safeCompound) q.set('safe', '1');
  if (filter.hasOpenNeeds) q.set('needs', '1');
  if (sort.key !== DEFAULT_SORT.key || sort.order !== DEFAULT_SORT.order) {
    q.set('sort', sort.key);
    q.set('order', sort.order);
  }
  if (page > 1) q.set('page', String(page));
  return q;
}

/** The filter without empty parts, as the service takes it. */
export function cleanFilter(filter: BuildingFilter): BuildingFilter {
  const out: BuildingFilter = {};
  if (filter.statuses?.length) out.statuses = filter.statuses;
  if (filter.tag) out.tag = filter.tag;
  if (filter.communityId) out.communityId = filter.communityId;
  if (filter.gridIds?.length) out.gridIds = filter.gridIds;
  if (filter.search?.trim()) out.search = filter.search.trim();
  if (filter.safeCompound) out.safeCompound = true;
  if (filter.hasOpenNeeds) out.hasOpenNeeds = true;
  return out;
}
