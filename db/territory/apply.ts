import type { TerritoryApplied, TerritoryInput } from '../../electron/api/territory';
import { appendAudit } from '../audit/append';
import { cachedAddressInitials } from '../buildings/initials';
import type { ServiceContext } from '../context';
import type { JobControl } from '../jobs/types';
import { buildings, communities, compounds, grids, streetOffices, zones } from '../schema';
import { insertRow, updateRow } from '../sync/write';
import { centreOf } from './assign';
import { planTerritory, type PlannedFeature } from './stage';

/** A default 片区 and 楼院 are made where the file names none: the schema needs them and the office can rename them. */
export const DEFAULT_ZONE = '第1片区';
export const DEFAULT_COMPOUND = '未分楼院';

const LAYER_WORDS = { communities: '社区边界', grids: '网格边界', buildings: '楼栋轮廓' } as const;

function zoneOf(ctx: ServiceContext, communityId: string, made: Map<string, string>): string {
  let id = made.get(communityId);
  if (id) return id;
  id =
    ctx.sqlite.prepare<[string], { id: string }>('SELECT id FROM zones WHERE community_id = ? AND deleted = 0 ORDER BY number LIMIT 1').get(communityId)?.id ??
    insertRow(ctx, zones, { communityId, number: 1, name: DEFAULT_ZONE }).id;
  made.set(communityId, id);
  return id;
}

function compoundOf(ctx: ServiceContext, gridId: string, name: string, made: Map<string, string>): string {
  const wanted = name || DEFAULT_COMPOUND;
  const key = `${gridId}\u0000${wanted}`;
  let id = made.get(key);
  if (id) return id;
  id =
    ctx.sqlite.prepare<[string, string], { id: string }>('SELECT id FROM compounds WHERE grid_id = ? AND name = ? AND deleted = 0 LIMIT 1').get(gridId, wanted)?.id ??
    insertRow(ctx, compounds, { gridId, name: wanted, kind: name ? 'gated' : 'open', road: '', hasPropertyMgmt: false, openCompound: !name }).id;
  made.set(key, id);
  return id;
}

/** A grid's number: the first number in its name (第3网格 → 3), else its place in the file. */
const gridNumber = (f: PlannedFeature, i: number) => Number(/\d+/.exec(f.name)?.[0] ?? i + 1);

/**
 * Writes what the preview showed — the features that passed their checks — in one transaction
 * with one audit entry. The file is read and checked again first, so what is written is what a
 * preview of the same choices shows; a cancel rolls everything back.
 */
export function applyTerritory(ctx: ServiceContext, input: TerritoryInput, job: JobControl): TerritoryApplied {
  const { office, preview, planned } = planTerritory(ctx, input, job);
  const now = Date.now();
  const initials = cachedAddressInitials();
  const total = planned.length;
  ctx.sqlite.transaction(() => {
    const zonesMade = new Map<string, string>();
    const compoundsMade = new Map<string, string>();
    planned.forEach((f, i) => {
      if (i % 500 === 0) {
        job.throwIfCancelled();
        job.progress('写入', i, total);
      }
      const [lng, lat] = centreOf(f.rings);
      if (input.layer === 'communities') {
        const values = { code: f.code, name: f.name, boundary: f.rings, labelLat: lat, labelLng: lng };
        if (f.existingId) updateRow(ctx, communities, f.existingId, values);
        else insertRow(ctx, communities, { ...values, streetOfficeId: office.id });
      } else if (input.layer === 'grids') {
        const communityId = f.communityId!;
        const values = { code: f.code, name: f.name, boundary: f.rings, labelLat: lat, labelLng: lng, communityId, zoneId: zoneOf(ctx, communityId, zonesMade) };
        if (f.existingId) updateRow(ctx, grids, f.existingId, values);
        else insertRow(ctx, grids, { ...values, number: gridNumber(f, i) });
      } else {
        const gridId = f.gridId!;
        const values = {
          name: f.name,
          address: f.address,
          floors: f.floors,
          footprint: f.rings[0]!,
          centroidLat: lat,
          centroidLng: lng,
          gridId,
          communityId: f.communityId!,
          compoundId: compoundOf(ctx, gridId, f.compound, compoundsMade),
          addressInitials: initials(f.address),
        };
        if (f.existingId) updateRow(ctx, buildings, f.existingId, values);
        else insertRow(ctx, buildings, { ...values, kind: 'building', unitCount: 0, households: 0, residents: 0, hasPropertyMgmt: false, openCompound: !f.compound, status: 'normal', statusSince: now });
      }
    });
    job.throwIfCancelled();
    if (input.layer === 'communities') {
      const centre = ctx.sqlite.prepare<[], { lat: number; lng: number }>('SELECT avg(label_lat) AS lat, avg(label_lng) AS lng FROM communities WHERE deleted = 0').get();
      if (centre && centre.lat !== null) updateRow(ctx, streetOffices, office.id, { centerLat: centre.lat, centerLng: centre.lng });
    }
    appendAudit(ctx.sqlite, {
      actor: ctx.actor,
      action: 'territory.import',
      target: input.layer,
      detail: { layer: LAYER_WORDS[input.layer], format: preview.format, crs: preview.crs.choice, created: preview.counts.create, updated: preview.counts.update, rejected: preview.counts.reject },
    });
  })();
  job.progress('写入', total, total);
  return { layer: input.layer, created: preview.counts.create, updated: preview.counts.update, rejected: preview.counts.reject };
}
