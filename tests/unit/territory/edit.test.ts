import { afterEach, describe, expect, it } from 'vitest';
import { directJob } from '../../../db/imports/direct-job';
import { applyTerritory } from '../../../db/territory/apply';
import { addBuilding, deleteBuilding, reshapeBuilding } from '../../../db/territory/edits/buildings';
import { mergeGrids } from '../../../db/territory/edits/merge';
import { reshapeGrid } from '../../../db/territory/edits/reshape-grid';
import { editHistory, undoEdit } from '../../../db/territory/edits/undo';
import { createOffice } from '../../../db/territory/office';
import { splitGrid } from '../../../db/territory/split';
import type { TerritoryInput } from '../../../electron/api/territory';
import { ADMIN } from '../helpers/actors';
import { openImportStreet, upload, type ImportStreet } from '../imports/fixture';
import { STREET, buildingsGcjGeoJson, communityGeoJson, gridsShapefileZip } from '../../shared/territory-files';

let street: ImportStreet | undefined;
afterEach(() => street?.close());

const input = (fileId: string, layer: TerritoryInput['layer'], more: Partial<TerritoryInput> = {}): TerritoryInput => ({ fileId, layer, crs: 'auto', encoding: 'auto', mapping: {}, ...more });

/** The two-grid test street (west 120.37–120.38, east 120.38–120.39, 36.06–36.08) with its three buildings. */
async function importedStreet(): Promise<ImportStreet> {
  const s = (street = openImportStreet(undefined, false));
  const ctx = s.host.context(ADMIN);
  createOffice(ctx, ADMIN, { name: '幸福街道', code: '370202001000', city: '青岛市', district: '市南区' });
  const apply = (i: TerritoryInput) => applyTerritory(ctx, i, directJob(ctx));
  apply(input(upload(s, '社区.geojson', communityGeoJson()), 'communities'));
  apply(input(upload(s, '网格.zip', await gridsShapefileZip()), 'grids'));
  apply(input(upload(s, '楼栋.geojson', buildingsGcjGeoJson()), 'buildings', { crs: 'gcj02' }));
  return s;
}

const gridId = (s: ImportStreet, code: string) => s.sqlite.prepare<[string], { id: string }>('SELECT id FROM grids WHERE code = ?').get(code)!.id;
const ringOf = (s: ImportStreet, id: string) => (JSON.parse(s.sqlite.prepare<[string], { boundary: string }>('SELECT boundary FROM grids WHERE id = ?').get(id)!.boundary) as number[][][])[0]!;
const liveGrids = (s: ImportStreet) => s.sqlite.prepare('SELECT code FROM grids WHERE deleted = 0 ORDER BY code').pluck().all();
const gridOfBuilding = (s: ImportStreet, name: string) =>
  s.sqlite.prepare<[string], { code: string }>('SELECT g.code FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.name = ? AND b.deleted = 0').get(name)?.code;
/** Every row the territory edits touch, to show an undo or a refusal leaves them exactly as they were. */
const snapshot = (s: ImportStreet) =>
  JSON.stringify(['grids', 'buildings', 'compounds'].map((t) => s.sqlite.prepare(`SELECT * FROM ${t} WHERE deleted = 0 ORDER BY id`).all().map((r) => ({ ...(r as object), hlc: undefined, origin: undefined }))));
const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];
const WEST = '370202001001-01';
const EAST = '370202001001-02';

describe('correcting the territory on the map', () => {
  it('merges two neighbouring grids, and two undos take back the merge and the split before it', async () => {
    const s = await importedStreet();
    const ctx = s.host.context(ADMIN);
    const before = snapshot(s);
    splitGrid(ctx, { gridId: gridId(s, WEST), line: [[STREET.west - 0.001, 36.0675], [STREET.middle + 0.001, 36.0675]] });
    const merged = mergeGrids(ctx, { keepId: gridId(s, WEST), mergeId: gridId(s, EAST) });
    expect(merged.moved).toBe(1);
    expect(liveGrids(s)).toEqual([WEST, `${WEST}-2`]);
    expect(gridOfBuilding(s, '3号楼')).toBe(WEST);
    const outline = ringOf(s, gridId(s, WEST));
    expect(Math.max(...outline.map((p) => p[0]!))).toBeCloseTo(STREET.east, 6);
    expect(editHistory(ctx).map((e) => e.action)).toEqual(['merge_grids', 'split']);
    expect(s.events.some((e) => e.event === 'data.changed')).toBe(true);

    expect(undoEdit(ctx).action).toBe('merge_grids');
    expect(liveGrids(s)).toEqual([WEST, `${WEST}-2`, EAST]);
    expect(gridOfBuilding(s, '3号楼')).toBe(EAST);
    expect(undoEdit(ctx).action).toBe('split');
    expect(snapshot(s)).toBe(before);
    const actions = s.sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'territory.%' AND action <> 'territory.import' AND action <> 'territory.office' ORDER BY seq`).pluck().all();
    expect(actions).toEqual(['territory.split', 'territory.merge_grids', 'territory.undo', 'territory.undo']);
  });

  it('refuses to merge grids that share no edge, writing nothing', async () => {
    const s = await importedStreet();
    const ctx = s.host.context(ADMIN);
    // Cut a strip off the west grid's west side: the strip and the east grid no longer touch.
    const strip = splitGrid(ctx, { gridId: gridId(s, WEST), line: [[STREET.west + 0.002, STREET.north + 0.001], [STREET.west + 0.002, STREET.south - 0.001]] });
    const before = snapshot(s);
    expect(() => mergeGrids(ctx, { keepId: strip.newGridId, mergeId: gridId(s, EAST) })).toThrow(/不相邻/);
    expect(() => mergeGrids(ctx, { keepId: gridId(s, EAST), mergeId: gridId(s, EAST) })).toThrow('请选择两个不同的网格来合并');
    expect(snapshot(s)).toBe(before);
  });

  it('moves a shared edge: the neighbour follows, buildings change grid, nothing overlaps; a lone move is flagged', async () => {
    const s = await importedStreet();
    const ctx = s.host.context(ADMIN);
    const west = gridId(s, WEST);
    const east = gridId(s, EAST);
    // Move the shared edge 0.006° east: 3号楼 (120.385) now lies in the west grid.
    const ring = ringOf(s, west).map(([x, y]) => [Math.abs(x! - STREET.middle) < 1e-7 ? STREET.middle + 0.006 : x!, y!]);
    const done = reshapeGrid(ctx, { gridId: west, ring });
    expect(done).toMatchObject({ neighbours: 1, moved: 1, overlaps: [], gaps: [] });
    expect(gridOfBuilding(s, '3号楼')).toBe(WEST);
    expect(Math.min(...ringOf(s, east).map((p) => p[0]!))).toBeCloseTo(STREET.middle + 0.006, 9);
    undoEdit(ctx);
    expect(gridOfBuilding(s, '3号楼')).toBe(EAST);

    // A point put in the middle of the shared edge and pulled east goes into the neighbour's outline too.
    const edge = ringOf(s, west);
    const onEdge = (p: number[] | undefined) => p !== undefined && Math.abs(p[0]! - STREET.middle) < 1e-7;
    const at = edge.findIndex((p, i) => onEdge(p) && onEdge(edge[i + 1]));
    const bulge = [...edge.slice(0, at + 1), [STREET.middle + 0.002, 36.07], ...edge.slice(at + 1)];
    expect(reshapeGrid(ctx, { gridId: west, ring: bulge })).toMatchObject({ neighbours: 1, overlaps: [], gaps: [] });
    expect(ringOf(s, east).some(([x, y]) => x === STREET.middle + 0.002 && y === 36.07)).toBe(true);
    undoEdit(ctx);

    // The east grid redrawn on its own with a point more (no shared point kept): what it leaves uncovered and what it overlaps are answered, not hidden.
    const { middle, south, north, east: eastEdge } = STREET;
    const narrower = [[middle + 0.001, south], [eastEdge, south], [eastEdge, north], [middle + 0.001, north], [middle + 0.001, 36.07], [middle + 0.001, south]];
    const gap = reshapeGrid(ctx, { gridId: east, ring: narrower });
    expect(gap.overlaps).toEqual([]);
    expect(gap.gaps).toHaveLength(1);
    expect(gap.gaps[0]!.m2).toBeGreaterThan(180_000);
    expect(gap.gaps[0]!.at[0]).toBeCloseTo(middle + 0.0005, 6);
    const wider = [[middle - 0.002, south], [eastEdge, south], [eastEdge, north], [middle - 0.002, north], [middle - 0.002, 36.07], [middle - 0.002, south]];
    const overlapping = reshapeGrid(ctx, { gridId: east, ring: wider });
    expect(overlapping.overlaps).toEqual([{ a: '幸福里第1网格', b: '幸福里第2网格', m2: expect.any(Number) }]);
    expect(overlapping.overlaps[0]!.m2).toBeGreaterThan(360_000);
    const audit = s.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'territory.reshape_grid' ORDER BY seq DESC LIMIT 1`).pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ overlaps: 1, neighbours: 0 });
  });

  it('adds, moves, reshapes and deletes buildings, each undoable', async () => {
    const s = await importedStreet();
    const ctx = s.host.context(ADMIN);
    const added = addBuilding(ctx, { ring: square(120.386, 36.066, 120.387, 36.067), name: '8号楼', address: '海滨花园8号楼', floors: 11 });
    expect(added.gridName).toBe('幸福里第2网格');
    expect(gridOfBuilding(s, '8号楼')).toBe(EAST);
    const row = s.sqlite.prepare<[string], { floors: number; centroid_lng: number; compound: string }>(
      'SELECT floors, centroid_lng, (SELECT name FROM compounds WHERE id = compound_id) AS compound FROM buildings WHERE id = ?',
    ).get(added.buildingId)!;
    expect(row).toMatchObject({ floors: 11, compound: '未分楼院' });
    expect(row.centroid_lng).toBeCloseTo(120.3865, 6);
    expect(() => addBuilding(ctx, { ring: square(120.386, 36.066, 120.387, 36.067), name: '8号楼', address: '海滨花园8号楼', floors: 11 })).toThrow('地址「海滨花园8号楼」已有楼栋');

    const moved = reshapeBuilding(ctx, { buildingId: added.buildingId, ring: square(120.374, 36.066, 120.375, 36.067) });
    expect(moved.gridName).toBe('幸福里第1网格');
    expect(gridOfBuilding(s, '8号楼')).toBe(WEST);
    deleteBuilding(ctx, { buildingId: added.buildingId });
    expect(gridOfBuilding(s, '8号楼')).toBeUndefined();

    expect(editHistory(ctx).map((e) => e.label)).toEqual(['删除楼栋「海滨花园8号楼」', '修改楼栋「海滨花园8号楼」的轮廓', '新增楼栋「海滨花园8号楼」']);
    undoEdit(ctx);
    expect(gridOfBuilding(s, '8号楼')).toBe(WEST);
    undoEdit(ctx);
    expect(gridOfBuilding(s, '8号楼')).toBe(EAST);
    undoEdit(ctx);
    expect(gridOfBuilding(s, '8号楼')).toBeUndefined();
    expect(editHistory(ctx)).toEqual([]);
  });

  it('refuses bad outlines in Chinese, writing nothing', async () => {
    const s = await importedStreet();
    const ctx = s.host.context(ADMIN);
    const before = snapshot(s);
    const add = (ring: number[][]) => () => addBuilding(ctx, { ring, name: '9号楼', address: '幸福里9号楼', floors: 3 });
    expect(add([])).toThrow('楼栋是空的：至少需要 3 个不同的点');
    expect(add([[120.375, 36.07], [120.375, 36.07], [120.376, 36.07]])).toThrow('楼栋是空的');
    expect(add([[120.374, 36.066], [120.375, 36.067], [120.375, 36.066], [120.374, 36.067]])).toThrow(/楼栋的边界自相交（在 120\.374500, 36\.066500 附近）/);
    expect(add(square(120.5, 36.066, 120.501, 36.067))).toThrow(/不在本街道的范围之外|在本街道的范围之外/);
    expect(() => reshapeGrid(ctx, { gridId: gridId(s, WEST), ring: [[120.37, 36.06], [120.38, 36.08], [120.38, 36.06], [120.37, 36.08]] })).toThrow(/网格「幸福里第1网格」的边界自相交/);
    expect(snapshot(s)).toBe(before);
    expect(editHistory(ctx)).toEqual([]);
  });

  it('will not undo an edit whose rows changed since, and keeps it on the stack', async () => {
    const s = await importedStreet();
    const ctx = s.host.context(ADMIN);
    const other = s.host.context({ ...ADMIN, id: 'another-admin', name: '另一位管理员' });
    const added = addBuilding(ctx, { ring: square(120.386, 36.066, 120.387, 36.067), name: '8号楼', address: '海滨花园8号楼', floors: 11 });
    reshapeBuilding(other, { buildingId: added.buildingId, ring: square(120.386, 36.068, 120.387, 36.069) });
    // Each account has its own stack.
    expect(editHistory(other).map((e) => e.action)).toEqual(['reshape_building']);
    expect(() => undoEdit(ctx)).toThrow('「新增楼栋「海滨花园8号楼」」之后这些数据又被修改过（楼栋），不能撤销；请手工更正');
    expect(gridOfBuilding(s, '8号楼')).toBe(EAST);
    expect(editHistory(ctx)).toHaveLength(1);
    undoEdit(other);
    undoEdit(ctx);
    expect(gridOfBuilding(s, '8号楼')).toBeUndefined();
  });
});
