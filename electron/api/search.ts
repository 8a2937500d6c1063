import { z } from 'zod';
import { query } from './define';
import type { ControlStatus, LatLngBounds } from './common';

export interface SearchBuilding {
  id: string;
  address: string;
  /** The part of the address that tells it from the street's other buildings: 「永安西里社区 26号院 1号楼」. */
  label: string;
  /** 「永安西里社区 · 第1网格」. */
  gridName: string;
  status: ControlStatus;
}

export const searchAreaKinds = ['community', 'grid', 'compound'] as const;
export type SearchAreaKind = (typeof searchAreaKinds)[number];

export interface SearchArea {
  kind: SearchAreaKind;
  id: string;
  /** A grid always with its community: 「幸福里社区 · 第1网格」; a compound with its grid. */
  name: string;
  /** Where it lies: the community of a compound or grid, the street of a community. */
  within: string;
  buildings: number;
  /** What the map fits into view; null when it has no buildings and no boundary. */
  bounds: LatLngBounds | null;
}

export interface SearchResident {
  id: string;
  name: string;
  /** Always masked (138****5678): the full number is shown through `people.reveal`. */
  phone: string | null;
  buildingId: string;
  address: string;
  room: string;
}

/** One kind of result: the first few, and whether there are more than shown. */
export interface SearchGroup<T> {
  items: T[];
  total: number;
}

export interface SearchResults {
  text: string;
  communities: SearchGroup<SearchArea>;
  grids: SearchGroup<SearchArea>;
  compounds: SearchGroup<SearchArea>;
  buildings: SearchGroup<SearchBuilding>;
  /** Null for an account that may not see residents (no 「查看人员」): it gets no resident results at all. */
  residents: SearchGroup<SearchResident> | null;
}

export const searchMethods = {
  /**
   * One search box for everything: address (or the pinyin initials of the part after the street's
   * name), building, compound, grid and community names, resident names and a phone's last digits.
   * Grid workers find what lies in their grids only.
   */
  'search.all': query<SearchResults>({ permission: 'buildings.read' })(
    z
      .object({
        text: z.string().trim().min(1, '请输入要查找的地址、名称、姓名或电话后四位').max(40, '查找内容最多 40 个字'),
        /** Results per kind. */
        limit: z.number().int().min(1).max(50).default(8),
      })
      .strict(),
  ),
};
