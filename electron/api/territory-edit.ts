import { z } from 'zod';
import { mutation, query } from './define';

/** The map edits an account can undo, by the audit action they write (`territory.<action>`). */
export const territoryEditActions = ['split', 'merge_grids', 'reshape_grid', 'add_building', 'reshape_building', 'delete_building', 'move_building', 'reshape_community'] as const;
export type TerritoryEditAction = (typeof territoryEditActions)[number];

/** One edit on the caller's undo stack. */
export interface TerritoryEditEntry {
  action: TerritoryEditAction;
  /** In words, in Chinese: 「合并网格 A 和 B」. */
  label: string;
  at: number;
  /** The edit's audit entry. */
  auditSeq: number;
}

export interface GridsMerged {
  gridId: string;
  /** Buildings that came over from the merged grid. */
  moved: number;
}

/** A grid's new outline; its neighbours followed where they shared the moved points. */
export interface GridReshaped {
  gridId: string;
  /** Neighbouring grids whose outline followed. */
  neighbours: number;
  /** Buildings that changed grid because their centre now lies in another. */
  moved: number;
  /** What is left that a person must look at: overlaps with other grids, gaps between them (names and square metres). */
  overlaps: { a: string; b: string; m2: number }[];
  gaps: { at: [number, number]; m2: number }[];
}

/** A community's new outline; neighbouring communities and the grids on its edge followed. */
export interface CommunityReshaped {
  communityId: string;
  /** Neighbouring communities whose outline followed. */
  neighbours: number;
  /** Grids whose outline followed (a corner on a moved point, or an edge a point went in on). */
  grids: number;
  /** Grids that joined another community because their centre now lies in it (with their buildings and duty posts). */
  regrouped: number;
  /** Overlaps with other communities, ground no community covers now. */
  overlaps: { a: string; b: string; m2: number }[];
  gaps: { at: [number, number]; m2: number }[];
}

export interface BuildingSaved {
  buildingId: string;
  gridId: string;
  gridName: string;
}

const uuid = z.string().uuid();
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
/** An outline as drawn, [lng, lat] in WGS-84; closing it again is allowed. Emptiness is the service's to refuse, in words. */
const ring = z.array(position).max(2000, '边界的点不能超过 2000 个');

const invalidates = ['map', 'buildings'] as const;

export const territoryEditMethods = {
  /** 合并网格: the second grid's area, compounds and buildings join the first, which keeps its code and name. */
  'territory.mergeGrids': mutation<GridsMerged>({ permission: 'territory.manage', invalidates })(z.object({ keepId: uuid, mergeId: uuid }).strict()),
  /** A grid's edited outline; neighbours sharing a moved point follow it. */
  'territory.reshapeGrid': mutation<GridReshaped>({ permission: 'territory.manage', invalidates })(z.object({ gridId: uuid, ring }).strict()),
  /** 调整社区边界: like a grid's; neighbouring communities and the grids on the moved edge follow. */
  'territory.reshapeCommunity': mutation<CommunityReshaped>({ permission: 'territory.manage', invalidates })(z.object({ communityId: uuid, ring }).strict()),
  /** 新增楼栋: drawn on the map, placed in the grid its centre lies in. */
  'territory.addBuilding': mutation<BuildingSaved>({ permission: 'territory.manage', invalidates })(
    z
      .object({
        ring,
        name: z.string().trim().min(1, '请输入楼栋名称').max(40, '楼栋名称不超过 40 个字'),
        address: z.string().trim().min(1, '请输入楼栋地址').max(100, '楼栋地址不超过 100 个字'),
        floors: z.number().int('层数应为整数').min(1, '层数至少为 1').max(200, '层数不超过 200'),
      })
      .strict(),
  ),
  /** A building moved or reshaped: its new footprint; it changes grid when its centre does. */
  'territory.reshapeBuilding': mutation<BuildingSaved>({ permission: 'territory.manage', invalidates })(z.object({ buildingId: uuid, ring }).strict()),
  'territory.deleteBuilding': mutation<{ buildingId: string }>({ permission: 'territory.manage', invalidates })(z.object({ buildingId: uuid }).strict()),
  /** The caller's undoable map edits, latest first. */
  'territory.editHistory': query<TerritoryEditEntry[]>({ permission: 'territory.manage' })(z.object({}).strict()),
  /** Undoes the caller's latest map edit (again for the one before). */
  'territory.undoEdit': mutation<TerritoryEditEntry>({ permission: 'territory.manage', invalidates })(z.object({}).strict()),
};
