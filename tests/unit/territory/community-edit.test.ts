import { afterEach, describe, expect, it } from 'vitest';
import { directJob } from '../../../db/imports/direct-job';
import { applyTerritory } from '../../../db/territory/apply';
import { reshapeCommunity } from '../../../db/territory/edits/reshape-community';
import { editHistory, undoEdit } from '../../../db/territory/edits/undo';
import { ServiceError } from '../../../db/errors';
import { createOffice } from '../../../db/territory/office';
import type { TerritoryInput } from '../../../electron/api/territory';
import { ADMIN } from '../helpers/actors';
import { openImportStreet, upload, type ImportStreet } from '../imports/fixture';
import { STREET, buildingsGcjGeoJson, communityGeoJson, gridsShapefileZip } from '../../shared/territory-files';

let street: ImportStreet | undefined;
afterEach(() => street?.close());

const input = (fileId: string, layer: TerritoryInput['layer'], more: Partial<TerritoryInput> = {}): TerritoryInput => ({ fileId, layer, crs: 'auto', encoding: 'auto', mapping: {}, ...more });
const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const collection = (features: { props: Record<string, string>; ring: number[][] }[]) =>
  JSON.stringify({ type: 'FeatureCollection', features: features.map((f) => ({ type: 'Feature', properties: f.props, geometry: { type: 'Polygon', coordinates: [f.ring] } })) });

/** EAST: 120.39–120.40, beside the test street's community, sharing its east edge. */
const EAST_EDGE = 120.4;

/**
 * The test street (幸福里社区 with its west and east grids and three buildings) and a second
 * community east of it, 海滨社区, sharing its east edge, with one grid (海滨第1网格) whose corners
 * are not on the community's and one building in it.
 */
async function twoCommunities(): Promise<ImportStreet> {
  const s = (street = openImportStreet(undefined, false));
  const ctx = s.host.context(ADMIN);
  createOffice(ctx, ADMIN, { name: '幸福街道', code: '370202001000', city: '青岛市', district: '市南区' });
  const apply = (i: TerritoryInput) => applyTerritory(ctx, i, directJob(ctx));
  apply(input(upload(s, '社区.geojson', communityGeoJson()), 'communities'));
  apply(input(upload(s, '社区2.geojson', collection([{ props: { 社区编码: '370202001002', 社区名称: '海滨社区' }, ring: square(STREET.east, STREET.south, EAST_EDGE, STREET.north) }])), 'communities'));
  apply(input(upload(s, '网格.zip', await gridsShapefileZip()), 'grids'));
  apply(
    input(upload(s, '网格2.geojson', collection([{ props: { 网格编码: '370202001002-01', 网格名称: '海滨第1网格' }, ring: square(120.391, 36.061, 120.399, 36.079) }])), 'grids', {
      mapping: { code: '网格编码', name: '网格名称' },
    }),
  );
  apply(input(upload(s, '楼栋.geojson', buildingsGcjGeoJson()), 'buildings', { crs: 'gcj02' }));
  return s;
}

const idOf = (s: ImportStreet, table: 'communities' | 'grids', code: string) => s.sqlite.prepare<[string], { id: string }>(`SELECT id FROM ${table} WHERE code = ?`).get(code)!.id;
const ringOf = (s: ImportStreet, table: 'communities' | 'grids', id: string) =>
  (JSON.parse(s.sqlite.prepare<[string], { boundary: string }>(`SELECT boundary FROM ${table} WHERE id = ?`).get(id)!.boundary) as number[][][])[0]!;
const communityOfGrid = (s: ImportStreet, code: string) =>
  s.sqlite.prepare<[string], { name: string }>('SELECT c.name FROM grids g JOIN communities c ON c.id = g.community_id WHERE g.code = ?').get(code)!.name;
const snapshot = (s: ImportStreet) =>
  JSON.stringify(['communities', 'grids', 'buildings', 'zones'].map((t) => s.sqlite.prepare(`SELECT * FROM ${t} WHERE deleted = 0 ORDER BY id`).all().map((r) => ({ ...(r as object), hlc: undefined, origin: undefined }))));

describe('correcting a community boundary on the map', () => {
  it('moves the shared edge: the neighbouring community and the grids on the edge follow, a grid now inside joins the community, one undo takes it all back', async () => {
    const s = await twoCommunities();
    const ctx = s.host.context(ADMIN);
    expect(communityOfGrid(s, '370202001002-01')).toBe('海滨社区');
    const before = snapshot(s);
    const west = idOf(s, 'communities', '370202001001');
    const east = idOf(s, 'communities', '370202001002');
    // 幸福里社区's east edge (120.39) moved to 120.3995: past the whole of 海滨第1网格.
    const moved = ringOf(s, 'communities', west).map(([lng, lat]) => [lng === STREET.east ? 120.3995 : lng!, lat!]);
    const result = reshapeCommunity(ctx, { communityId: west, ring: moved });
    expect(result).toMatchObject({ communityId: west, neighbours: 1, grids: 1, regrouped: 1, overlaps: [], gaps: [] });
    // The neighbour kept the shared edge; the east grid of 幸福里 (corners on that edge) stretched with it.
    expect(Math.min(...ringOf(s, 'communities', east).map((p) => p[0]!))).toBeCloseTo(120.3995, 9);
    expect(Math.max(...ringOf(s, 'grids', idOf(s, 'grids', '370202001001-02')).map((p) => p[0]!))).toBeCloseTo(120.3995, 9);
    // 海滨第1网格's corners were not on the edge: it stays as drawn, and joins 幸福里社区 with its zone.
    expect(ringOf(s, 'grids', idOf(s, 'grids', '370202001002-01'))).toEqual(square(120.391, 36.061, 120.399, 36.079));
    expect(communityOfGrid(s, '370202001002-01')).toBe('幸福里社区');
    const zoneCommunity = s.sqlite.prepare("SELECT z.community_id FROM grids g JOIN zones z ON z.id = g.zone_id WHERE g.code = '370202001002-01'").pluck().get();
    expect(zoneCommunity).toBe(west);
    const audit = s.sqlite.prepare<[], { target: string; detail: string }>("SELECT target, detail FROM audit_log WHERE action = 'territory.reshape_community'").all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ community: '幸福里社区', neighbours: 1, grids: 1, regrouped: 1, label: '调整社区「幸福里社区」的边界' });
    expect(editHistory(ctx)[0]).toMatchObject({ action: 'reshape_community', label: '调整社区「幸福里社区」的边界' });
    expect(s.events.some((e) => e.event === 'data.changed' && JSON.stringify(e.payload).includes('territory'))).toBe(true);

    expect(undoEdit(ctx).action).toBe('reshape_community');
    expect(snapshot(s)).toBe(before);
  });

  it('a lone move that leaves ground uncovered is answered, not hidden; a self-crossing outline is refused and writes nothing', async () => {
    const s = await twoCommunities();
    const ctx = s.host.context(ADMIN);
    const west = idOf(s, 'communities', '370202001001');
    // The south-west corner pulled in: no neighbour shares it, ground the street covered is now bare.
    const pulled = ringOf(s, 'communities', west).map(([lng, lat]) => (lng === STREET.west && lat === STREET.south ? [120.372, 36.062] : [lng!, lat!]));
    const result = reshapeCommunity(ctx, { communityId: west, ring: pulled });
    expect(result.neighbours).toBe(0);
    // The west grid shares that corner (its outline came through a projection round trip) and follows.
    expect(result.grids).toBe(1);
    expect(result.gaps.length).toBe(1);
    expect(result.gaps[0]!.m2).toBeGreaterThan(10_000);
    const before = snapshot(s);
    const crossing = [[120.37, 36.06], [120.39, 36.08], [120.39, 36.06], [120.37, 36.08], [120.37, 36.06]];
    let refused: unknown;
    try {
      reshapeCommunity(ctx, { communityId: west, ring: crossing });
    } catch (err) {
      refused = err;
    }
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).message).toMatch(/^社区「幸福里社区」的边界自相交/);
    expect(snapshot(s)).toBe(before);
  });
});
