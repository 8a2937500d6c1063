import type { TerritoryInput, TerritoryPreview, TerritoryPreviewFeature, TerritoryProblem } from '../../electron/api/territory';
import type { ServiceContext } from '../context';
import { openStoredFile } from '../files/store';
import type { JobControl } from '../jobs/types';
import { areaAt, centreOf, gaps, indexAreas, overlaps, type Area } from './assign';
import { decideCrs } from './crs';
import { detectShift } from './offset';
import { officeCorners } from './office-corners';
import { buildingIdsByAddress, communityAreas, gridAreas, requireOffice, type OfficeRow } from './existing';
import { checkPolygon } from './geometry';
import { attributeNames, guessMapping, valueOf } from './mapping';
import { readGisFile } from './read';
import { ServiceError } from '../errors';

/** A feature that passed its checks, with what the apply will write. */
export interface PlannedFeature {
  row: number;
  code: string;
  name: string;
  rings: number[][][];
  /** The existing record of the same code (areas) or address (buildings), updated instead of added. */
  existingId: string | null;
  /** Grids: the community; buildings: the grid's community. */
  communityId: string | null;
  /** Buildings: the grid by the footprint's centre. */
  gridId: string | null;
  gridCode: string | null;
  compound: string;
  address: string;
  floors: number;
}

export interface TerritoryPlan {
  office: OfficeRow;
  preview: TerritoryPreview;
  planned: PlannedFeature[];
}

/** At most this many features go to the window for drawing; the checks and counts cover all. */
export const PREVIEW_FEATURES = 3000;

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Reads the file, decides its coordinates, checks every feature and works out what would be
 * written, without writing anything: the preview and the apply both start here.
 */
export function planTerritory(ctx: ServiceContext, input: TerritoryInput, job: Pick<JobControl, 'progress' | 'throwIfCancelled'>): TerritoryPlan {
  const office = requireOffice(ctx.sqlite);
  job.progress('读取文件', 0, 1);
  const stored = openStoredFile(ctx.dataDir, input.fileId, ctx.actor);
  const read = readGisFile(stored.path, stored.name, input.encoding);
  if (read.features.length === 0) throw new ServiceError('INVALID_INPUT', 'territory.noFeatures', { file: stored.name }, 'fileId');
  job.throwIfCancelled();
  const crs = decideCrs(read, input.crs);
  const attributes = attributeNames(read.features.map((f) => f.properties));
  const mapping = guessMapping(input.layer, attributes, input.mapping);
  const problems: TerritoryProblem[] = [];
  const planned: PlannedFeature[] = [];
  const rejected: { row: number; code: string; name: string }[] = [];

  const communities = communityAreas(ctx.sqlite);
  const communityIndex = indexAreas(communities);
  const grids = gridAreas(ctx.sqlite);
  const gridIndex = indexAreas(grids);
  const communityOfGrid = new Map(grids.map((g) => [g.id, g.communityId]));
  const byCode = new Map<string, string>((input.layer === 'communities' ? communities : grids).map((a) => [a.code, a.id]));
  const byAddress = input.layer === 'buildings' ? buildingIdsByAddress(ctx.sqlite) : new Map<string, string>();
  const communityByKey = new Map<string, Area>();
  for (const c of communities) {
    communityByKey.set(c.code, c);
    communityByKey.set(c.name, c);
  }
  const seenKeys = new Map<string, number>();
  const total = read.features.length;

  read.features.forEach((feature, i) => {
    if (i % 500 === 0) {
      job.throwIfCancelled();
      job.progress('检查要素', i, total);
    }
    const p = feature.properties;
    const name = valueOf(p, mapping.name);
    const address = valueOf(p, mapping.address);
    let code = valueOf(p, mapping.code);
    const label = code || name || address || `第 ${feature.row} 个要素`;
    const reject = (message: string) => {
      problems.push({ row: feature.row, label, level: 'error', message });
      rejected.push({ row: feature.row, code, name });
    };
    const geometry = checkPolygon(feature.geometry, crs.toWgs84);
    if (!geometry.ok) return reject(geometry.message);
    if (geometry.warning) problems.push({ row: feature.row, label, level: 'warning', message: geometry.warning });
    const base: PlannedFeature = { row: feature.row, code, name, rings: geometry.rings, existingId: null, communityId: null, gridId: null, gridCode: null, compound: '', address: '', floors: 0 };

    if (input.layer === 'buildings') {
      const fullAddress = address || (name ? `${office.name}${name}` : '');
      if (!fullAddress) return reject('没有名称或地址：请对应「名称」或「地址」列');
      const key = fullAddress;
      const again = seenKeys.get(key);
      if (again !== undefined) return reject(`地址「${fullAddress}」与第 ${again} 个要素重复`);
      seenKeys.set(key, feature.row);
      const [lng, lat] = centreOf(geometry.rings);
      const grid = areaAt(gridIndex, lng, lat);
      const floorsText = valueOf(p, mapping.floors);
      const floors = floorsText === '' ? 0 : Number(floorsText);
      if (!Number.isInteger(floors) || floors < 0 || floors > 200) return reject(`层数「${floorsText}」不是 0–200 的整数`);
      code = '';
      planned.push({
        ...base,
        name: name || fullAddress,
        address: fullAddress,
        floors,
        compound: valueOf(p, mapping.compound),
        existingId: byAddress.get(fullAddress) ?? null,
        gridId: grid?.id ?? null,
        gridCode: grid?.code ?? null,
        communityId: grid ? (communityOfGrid.get(grid.id) ?? null) : null,
      });
      if (!grid) {
        problems.push({ row: feature.row, label, level: 'error', message: '不在任何网格内：请先导入网格边界，或在地图上核对这栋楼的位置' });
        rejected.push({ row: feature.row, code, name });
        planned.pop();
      }
      return;
    }

    if (!code) return reject(`没有编码：请对应「编码」列${attributes.length ? `（文件里的属性：${attributes.slice(0, 8).join('、')}）` : ''}`);
    if (!name) return reject('没有名称：请对应「名称」列');
    const again = seenKeys.get(code);
    if (again !== undefined) return reject(`编码「${code}」与第 ${again} 个要素重复`);
    seenKeys.set(code, feature.row);
    if (input.layer === 'communities') {
      planned.push({ ...base, existingId: byCode.get(code) ?? null });
      return;
    }
    const given = valueOf(p, mapping.community);
    let community: Area | null = given ? (communityByKey.get(given) ?? null) : null;
    if (given && !community) return reject(`所属社区「${given}」不存在：请先导入社区边界`);
    if (!community) {
      const [lng, lat] = centreOf(geometry.rings);
      community = areaAt(communityIndex, lng, lat);
    }
    if (!community) return reject('不在任何社区内：请先导入社区边界，或对应「所属社区」列');
    planned.push({ ...base, existingId: byCode.get(code) ?? null, communityId: community.id });
  });

  job.progress('核对边界', 0, 1);
  let outsideGrids = 0;
  let overlapCount = 0;
  let gapCount = 0;
  if (input.layer === 'buildings') {
    outsideGrids = problems.filter((p) => p.message.startsWith('不在任何网格内')).length;
  } else {
    const layerIndex = indexAreas(planned.map((f) => ({ id: String(f.row), code: f.code, name: f.name, rings: f.rings })));
    const label = input.layer === 'grids' ? '网格' : '社区';
    for (const o of overlaps(layerIndex)) {
      overlapCount++;
      problems.push({ row: 0, label: `${o.a.code} / ${o.b.code}`, level: 'warning', message: `${label}「${o.a.name}」与「${o.b.name}」重叠约 ${Math.round(o.m2)} 平方米` });
    }
    job.throwIfCancelled();
    for (const g of gaps(layerIndex)) {
      gapCount++;
      problems.push({ row: 0, label: `${g.at[0].toFixed(5)}, ${g.at[1].toFixed(5)}`, level: 'warning', message: `${label}之间有约 ${Math.round(g.m2)} 平方米的空隙，不属于任何${label}` });
    }
  }

  const features: TerritoryPreviewFeature[] = planned.slice(0, PREVIEW_FEATURES).map((f) => ({
    row: f.row,
    code: f.code,
    name: f.name,
    ring: f.rings[0]!.map(([x, y]) => [round6(x!), round6(y!)]),
    outcome: f.existingId ? 'update' : 'create',
    gridCode: f.gridCode,
  }));
  let bounds: TerritoryPreview['bounds'] = null;
  for (const f of planned) {
    for (const [x, y] of f.rings[0]!) {
      if (!bounds) bounds = [y!, x!, y!, x!];
      else bounds = [Math.min(bounds[0], y!), Math.min(bounds[1], x!), Math.max(bounds[2], y!), Math.max(bounds[3], x!)];
    }
  }
  const updates = planned.filter((f) => f.existingId).length;
  problems.sort((a, b) => (a.level === b.level ? a.row - b.row : a.level === 'error' ? -1 : 1));
  const preview: TerritoryPreview = {
    layer: input.layer,
    format: read.format,
    crs: { choice: crs.choice, label: crs.label, detected: crs.detected },
    crsHint: input.crs === 'auto' && !crs.detected ? detectShift(read, input.layer, officeCorners(ctx.sqlite)) : null,
    encoding: read.encoding,
    attributes,
    mapping,
    counts: { features: total, create: planned.length - updates, update: updates, reject: rejected.length },
    problems,
    checks: { outsideGrids, overlaps: overlapCount, gaps: gapCount },
    features,
    featuresCut: planned.length > PREVIEW_FEATURES,
    bounds,
  };
  return { office, preview, planned };
}
