import { z } from 'zod';
import { mutation, query } from './define';
import type { JobInfo } from './jobs';

/** What a GIS file brings in: 社区 boundaries, 网格 boundaries or building footprints. */
export const territoryLayers = ['communities', 'grids', 'buildings'] as const;
export type TerritoryLayer = (typeof territoryLayers)[number];

/**
 * The coordinates of the file: `auto` (the .prj, the GeoJSON `crs`, else geographic WGS-84),
 * geographic WGS-84 / CGCS2000, GCJ-02 (高德, 腾讯), BD-09 (百度), or a CGCS2000 3-degree
 * Gauss–Krüger zone by its EPSG code (4513–4533 with the zone number in the easting, 4534–4554 without).
 */
export const crsChoiceSchema = z.union([
  z.enum(['auto', 'wgs84', 'cgcs2000', 'gcj02', 'bd09']),
  z.string().regex(/^epsg:45(1[3-9]|[2-4]\d|5[0-4])$/, '坐标系应为 CGCS2000 三度带 EPSG:4513–4554'),
]);
export type CrsChoice = z.infer<typeof crsChoiceSchema>;

export const encodingChoices = ['auto', 'utf-8', 'gbk'] as const;
export type EncodingChoice = (typeof encodingChoices)[number];

/** Which attribute holds what; a field left out is guessed from the attribute names. */
export const territoryMappingSchema = z
  .object({
    code: z.string().max(100).optional(),
    name: z.string().max(100).optional(),
    community: z.string().max(100).optional(),
    compound: z.string().max(100).optional(),
    address: z.string().max(100).optional(),
    floors: z.string().max(100).optional(),
  })
  .strict();
export type TerritoryMapping = z.infer<typeof territoryMappingSchema>;

export const territoryInputSchema = z
  .object({
    fileId: z.string().regex(/^[0-9a-f-]{36}$/, '文件编号无效'),
    layer: z.enum(territoryLayers),
    crs: crsChoiceSchema.default('auto'),
    encoding: z.enum(encodingChoices).default('auto'),
    mapping: territoryMappingSchema.default({}),
  })
  .strict();
export type TerritoryInput = z.output<typeof territoryInputSchema>;

/** A problem of one feature (its number in the file, from 1) or of the layer as a whole (row 0). */
export interface TerritoryProblem {
  row: number;
  /** The feature's code or name when it has one. */
  label: string;
  level: 'error' | 'warning';
  message: string;
}

/** One feature as it will be written, in WGS-84, for the preview over the basemap. */
export interface TerritoryPreviewFeature {
  row: number;
  code: string;
  name: string;
  /** The outer ring, [lng, lat], closed. */
  ring: number[][];
  /** create / update an existing one of the same code (or address) / reject. */
  outcome: 'create' | 'update' | 'reject';
  /** Buildings: the grid's code it falls in, or null outside every grid. */
  gridCode: string | null;
}

/** What the office's data says of a file that names no coordinate system: a reading to switch to and why, or why it cannot tell (`propose` null). */
export interface CrsHint {
  propose: 'gcj02' | 'bd09' | null;
  reason: string;
}

export interface TerritoryPreview {
  layer: TerritoryLayer;
  format: 'geojson' | 'kml' | 'shapefile';
  /** What the coordinates were taken as, in words, and how that was decided. */
  crs: { choice: CrsChoice; label: string; detected: boolean };
  /** Set when the coordinates were only assumed (WGS-84) and the office's data suggests otherwise or cannot tell. */
  crsHint: CrsHint | null;
  /** The attribute text encoding (Shapefile), or null. */
  encoding: string | null;
  attributes: string[];
  mapping: TerritoryMapping;
  counts: { features: number; create: number; update: number; reject: number };
  problems: TerritoryProblem[];
  /** Buildings outside every grid, overlapping grids, gaps between grids. */
  checks: { outsideGrids: number; overlaps: number; gaps: number };
  features: TerritoryPreviewFeature[];
  /** Only the first features are sent for drawing; the counts cover them all. */
  featuresCut: boolean;
  bounds: [south: number, west: number, north: number, east: number] | null;
}

export interface TerritoryApplied {
  layer: TerritoryLayer;
  created: number;
  updated: number;
  rejected: number;
}

export interface StreetOfficeInfo {
  id: string;
  code: string;
  name: string;
  city: string;
  district: string;
  communities: number;
  grids: number;
  buildings: number;
}

/** 建立本街道: the office a real installation starts from. */
export const officeSchema = z
  .object({
    name: z.string().trim().min(1, '请输入街道名称').max(40, '街道名称不超过 40 个字'),
    code: z.string().trim().regex(/^\d{12}$/, '街道代码应为 12 位数字（统计用区划代码）'),
    city: z.string().trim().min(1, '请输入所在城市').max(40),
    district: z.string().trim().min(1, '请输入所在区县').max(40),
  })
  .strict();

export interface GridSplit {
  gridId: string;
  newGridId: string;
  newCode: string;
  /** Buildings now in the new grid. */
  moved: number;
}

const uuid = z.string().uuid();
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const territoryMethods = {
  'territory.office': query<StreetOfficeInfo | null>({ permission: 'territory.read' })(z.object({}).strict()),
  /** 试用演示数据 after the administrator is made: generates the demo street in a job. */
  'territory.seedDemo': mutation<JobInfo>({ permission: 'territory.manage', invalidates: ['jobs'], job: true })(z.object({}).strict()),
  /** Reads the file and checks every feature: nothing is written. The job's result is a `TerritoryPreview`. */
  'territory.preview': mutation<JobInfo>({ permission: 'territory.manage', invalidates: ['jobs'], job: true })(territoryInputSchema),
  /** Writes what the preview showed, in one transaction. The job's result is a `TerritoryApplied`. */
  'territory.apply': mutation<JobInfo>({ permission: 'territory.manage', invalidates: ['jobs'], job: true })(territoryInputSchema),
  /** The territory for the city's GIS: GeoJSON or zipped Shapefile, as the job's file. */
  'territory.export': mutation<JobInfo>({ permission: 'territory.manage', invalidates: ['jobs'], job: true })(
    z.object({ format: z.enum(['geojson', 'shapefile']) }).strict(),
  ),
  /** 拆分网格 along a line drawn across it ([lng, lat], WGS-84). */
  'territory.splitGrid': mutation<GridSplit>({ permission: 'territory.manage', invalidates: ['map', 'buildings'] })(
    z.object({ gridId: uuid, line: z.array(position).min(2, '请画一条至少两点的线').max(500) }).strict(),
  ),
  /** A building reassigned to another grid by hand. */
  'territory.moveBuilding': mutation<{ buildingId: string; gridId: string }>({ permission: 'territory.manage', invalidates: ['map', 'buildings'] })(
    z.object({ buildingId: uuid, gridId: uuid }).strict(),
  ),
};

declare module './jobs' {
  /** What the territory jobs hand back in `JobInfo.result`. */
  interface JobResults {
    'territory.preview': TerritoryPreview;
    'territory.apply': TerritoryApplied;
    'territory.export': { features: number };
    'territory.seedDemo': { communities: number; grids: number; buildings: number };
  }
}
