import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { hlcIndex, syncColumns } from './sync-columns';

/** 街道 / 乡镇: the street office this database belongs to. */
export const streetOffices = sqliteTable(
  'street_offices',
  {
    ...syncColumns(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    district: text('district').notNull(),
    centerLat: real('center_lat').notNull(),
    centerLng: real('center_lng').notNull(),
  },
  (t) => [hlcIndex(t)],
);

/** 社区 / 村, with its 12-digit statistical division code. */
export const communities = sqliteTable(
  'communities',
  {
    ...syncColumns(),
    streetOfficeId: text('street_office_id').notNull().references(() => streetOffices.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** GeoJSON Polygon coordinates, WGS-84: [[[lng, lat], ...]] */
    boundary: text('boundary', { mode: 'json' }).$type<number[][][]>().notNull(),
    labelLat: real('label_lat').notNull(),
    labelLng: real('label_lng').notNull(),
  },
  (t) => [hlcIndex(t), uniqueIndex('communities_code_uq').on(t.code), index('communities_street_idx').on(t.streetOfficeId)],
);

/** 片区: a zone of a community, led by a 片区长. */
export const zones = sqliteTable(
  'zones',
  {
    ...syncColumns(),
    communityId: text('community_id').notNull().references(() => communities.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    name: text('name').notNull(),
  },
  (t) => [hlcIndex(t), index('zones_community_idx').on(t.communityId)],
);

/** 网格: the unit every grid worker is responsible for. */
export const grids = sqliteTable(
  'grids',
  {
    ...syncColumns(),
    zoneId: text('zone_id').notNull().references(() => zones.id, { onDelete: 'cascade' }),
    communityId: text('community_id').notNull().references(() => communities.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    boundary: text('boundary', { mode: 'json' }).$type<number[][][]>().notNull(),
    labelLat: real('label_lat').notNull(),
    labelLng: real('label_lng').notNull(),
  },
  (t) => [hlcIndex(t), uniqueIndex('grids_code_uq').on(t.code), index('grids_zone_idx').on(t.zoneId), index('grids_community_idx').on(t.communityId)],
);

export const compoundKinds = ['gated', 'open', 'old', 'bungalow'] as const;
export type CompoundKind = (typeof compoundKinds)[number];

/** 楼院 / 小区: a compound, gated or open, with or without property management. */
export const compounds = sqliteTable(
  'compounds',
  {
    ...syncColumns(),
    gridId: text('grid_id').notNull().references(() => grids.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: compoundKinds }).notNull(),
    road: text('road').notNull(),
    hasPropertyMgmt: integer('has_property_mgmt', { mode: 'boolean' }).notNull(),
    openCompound: integer('open_compound', { mode: 'boolean' }).notNull(),
  },
  (t) => [hlcIndex(t), index('compounds_grid_idx').on(t.gridId)],
);

export const buildingKinds = ['building', 'alley'] as const;
export type BuildingKind = (typeof buildingKinds)[number];

/** The built-in control statuses; the list in use is `status_definitions` (cities name them differently). */
export const controlStatuses = ['sealed', 'controlled', 'precaution', 'normal'] as const;
export type BuiltInStatus = (typeof controlStatuses)[number];
/** A key of `status_definitions`: one of the built-in four or one a city added. */
export type ControlStatus = string;

/** 楼栋 / 弄巷: a building (or an alley of bungalow yards) with its footprint. */
export const buildings = sqliteTable(
  'buildings',
  {
    ...syncColumns(),
    compoundId: text('compound_id').notNull().references(() => compounds.id, { onDelete: 'cascade' }),
    gridId: text('grid_id').notNull().references(() => grids.id, { onDelete: 'cascade' }),
    communityId: text('community_id').notNull().references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: buildingKinds }).notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    floors: integer('floors').notNull(),
    unitCount: integer('unit_count').notNull(),
    households: integer('households').notNull(),
    residents: integer('residents').notNull(),
    hasPropertyMgmt: integer('has_property_mgmt', { mode: 'boolean' }).notNull(),
    openCompound: integer('open_compound', { mode: 'boolean' }).notNull(),
    /** Outer ring of the footprint, WGS-84: [[lng, lat], ...], closed. */
    footprint: text('footprint', { mode: 'json' }).$type<number[][]>().notNull(),
    centroidLat: real('centroid_lat').notNull(),
    centroidLng: real('centroid_lng').notNull(),
    status: text('status').notNull().default('normal'),
    statusSince: integer('status_since').notNull(),
    /** When the current status is due to end (a reminder is raised before), or null. */
    statusUntil: integer('status_until'),
    /** Pinyin initials of the address (中山路12号 → zsl12h), for search. */
    addressInitials: text('address_initials').notNull().default(''),
  },
  (t) => [
    hlcIndex(t),
    index('buildings_compound_idx').on(t.compoundId),
    index('buildings_grid_idx').on(t.gridId),
    index('buildings_community_idx').on(t.communityId),
    index('buildings_status_idx').on(t.status),
    /** Standing buildings by community, status and grid: the 大屏 counts them from this index alone. */
    index('buildings_community_status_idx').on(t.communityId, t.status, t.gridId).where(sql`deleted = 0`),
  ],
);

/** 单元: a stairwell of a building. */
export const units = sqliteTable(
  'units',
  {
    ...syncColumns(),
    buildingId: text('building_id').notNull().references(() => buildings.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    households: integer('households').notNull(),
  },
  (t) => [hlcIndex(t), index('units_building_idx').on(t.buildingId)],
);
