import { afterEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { parseDbf, parseShp } from 'shpjs';
import { directJob } from '../../../db/imports/direct-job';
import { createRequest } from '../../../db/requests/create';
import { openStoredFile } from '../../../db/files/store';
import { applyTerritory } from '../../../db/territory/apply';
import { crsOfPrj } from '../../../db/territory/crs';
import { exportTerritory } from '../../../db/territory/export';
import { createOffice } from '../../../db/territory/office';
import { planTerritory } from '../../../db/territory/stage';
import { moveBuilding, splitGrid } from '../../../db/territory/split';
import { editHistory, undoEdit } from '../../../db/territory/edits/undo';
import type { TerritoryInput } from '../../../electron/api/territory';
import { ADMIN } from '../helpers/actors';
import { openImportStreet, upload, type ImportStreet } from '../imports/fixture';
import { countRows } from '../helpers/territory';
import { BUILDINGS, PRJ_4549, STREET, badGeoJson, buildingsGcjGeoJson, communityGeoJson, gridsShapefileZip } from '../../shared/territory-files';

let street: ImportStreet | undefined;
afterEach(() => street?.close());

function newOffice(): ImportStreet {
  street = openImportStreet(undefined, false);
  const ctx = street.host.context(ADMIN);
  createOffice(ctx, ADMIN, { name: '幸福街道', code: '370202001000', city: '青岛市', district: '市南区' });
  return street;
}

const input = (fileId: string, layer: TerritoryInput['layer'], more: Partial<TerritoryInput> = {}): TerritoryInput => ({ fileId, layer, crs: 'auto', encoding: 'auto', mapping: {}, ...more });

function plan(s: ImportStreet, i: TerritoryInput) {
  const ctx = s.host.context(ADMIN);
  return planTerritory(ctx, i, directJob(ctx)).preview;
}

function apply(s: ImportStreet, i: TerritoryInput) {
  const ctx = s.host.context(ADMIN);
  return applyTerritory(ctx, i, directJob(ctx));
}

async function importStreet(s: ImportStreet) {
  apply(s, input(upload(s, '社区.geojson', communityGeoJson()), 'communities'));
  apply(s, input(upload(s, '网格.zip', await gridsShapefileZip()), 'grids'));
  return apply(s, input(upload(s, '楼栋.geojson', buildingsGcjGeoJson()), 'buildings', { crs: 'gcj02' }));
}

describe('territory from GIS files', () => {
  it('knows CGCS2000 Gauss–Krüger zones from the .prj, with and without the zone number', () => {
    expect(crsOfPrj(PRJ_4549)).toBe('epsg:4549');
    expect(crsOfPrj(PRJ_4549.replace('500000.0', '40500000.0'))).toBe('epsg:4528');
    expect(crsOfPrj('PROJCS["Beijing_1954_GK",GEOGCS["GCS_Beijing_1954"],PROJECTION["Gauss_Kruger"]]')).toBeNull();
  });

  it('reads a GBK Shapefile in zone 40 and places every grid in WGS-84 on its community, writing nothing before the apply', async () => {
    const s = newOffice();
    apply(s, input(upload(s, '社区.geojson', communityGeoJson()), 'communities'));
    const fileId = upload(s, '网格.zip', await gridsShapefileZip());
    const preview = plan(s, input(fileId, 'grids'));
    expect(preview.crs).toMatchObject({ choice: 'epsg:4549', detected: true });
    expect(preview.encoding).toBe('gbk');
    expect(preview.mapping).toMatchObject({ code: 'WGBM', name: 'WGMC' });
    expect(preview.features.map((f) => f.name)).toEqual(['幸福里第1网格', '幸福里第2网格']);
    expect(preview.counts).toMatchObject({ create: 2, reject: 0 });
    expect(preview.checks).toEqual({ outsideGrids: 0, overlaps: 0, gaps: 0 });
    const corner = preview.features[0]!.ring[0]!;
    expect(corner[0]).toBeCloseTo(STREET.west, 6);
    expect(corner[1]).toBeCloseTo(STREET.south, 6);
    expect(countRows(s.sqlite, 'grids')).toBe(0);
    apply(s, input(fileId, 'grids'));
    expect(countRows(s.sqlite, 'grids')).toBe(2);
  });

  it('undoes the GCJ-02 offset of buildings and puts each in its grid; the one outside every grid is reported and left out', async () => {
    const s = newOffice();
    const applied = await importStreet(s);
    expect(applied).toMatchObject({ created: 3, rejected: 1 });
    const rows = s.sqlite
      .prepare<[], { name: string; lat: number; lng: number; grid: string; compound: string }>(
        'SELECT b.name, b.centroid_lat AS lat, b.centroid_lng AS lng, g.code AS grid, c.name AS compound FROM buildings b JOIN grids g ON g.id = b.grid_id JOIN compounds c ON c.id = b.compound_id ORDER BY b.name',
      )
      .all();
    for (const known of BUILDINGS.filter((b) => b.grid)) {
      const row = rows.find((r) => r.name === known.name)!;
      expect(row.grid).toBe(known.grid);
      expect(row.compound).toBe(known.compound);
      // within about a metre of where the building really is
      expect(Math.abs(row.lng - known.lng)).toBeLessThan(1e-5);
      expect(Math.abs(row.lat - known.lat)).toBeLessThan(1e-5);
    }
  });

  it('reads community boundaries from KML with their ExtendedData, as WGS-84', () => {
    const s = newOffice();
    const { west, east, south, north } = STREET;
    const ring = [[west, south], [east, south], [east, north], [west, north], [west, south]].map(([x, y]) => `${x},${y}`).join(' ');
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>幸福里社区</name>
      <ExtendedData><Data name="code"><value>370202001001</value></Data></ExtendedData>
      <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const preview = plan(s, input(upload(s, '社区.kml', kml), 'communities'));
    expect(preview).toMatchObject({ format: 'kml', crs: { choice: 'wgs84', detected: true }, counts: { create: 1, reject: 0 } });
    expect(preview.features[0]).toMatchObject({ code: '370202001001', name: '幸福里社区' });
  });

  it('names the feature and the rule for each bad polygon and writes none of them', () => {
    const s = newOffice();
    const fileId = upload(s, '坏数据.geojson', badGeoJson());
    const preview = plan(s, input(fileId, 'communities', { crs: 'wgs84' }));
    const messages = preview.problems.map((p) => `${p.row} ${p.label}: ${p.message}`);
    expect(messages[0]).toMatch(/^1 自相交: 面的边界自相交/);
    expect(messages[1]).toMatch(/^2 未闭合: 面没有闭合/);
    expect(messages[2]).toMatch(/^3 空几何: 没有几何图形/);
    expect(messages[3]).toMatch(/^4 是点: 是点，这里需要面/);
    expect(messages[4]).toMatch(/^5 境外: .*不在中国境内/);
    expect(messages[5]).toMatch(/^6 颠倒: .*经度和纬度似乎颠倒了/);
    expect(apply(s, input(fileId, 'communities', { crs: 'wgs84' }))).toMatchObject({ created: 0, rejected: 6 });
    expect(countRows(s.sqlite, 'communities')).toBe(0);
  });

  it('refuses in Chinese a Shapefile without its .dbf, one without a .prj in metres, a forced wrong encoding and a file that is no GIS file', async () => {
    const s = newOffice();
    const refusal = async (name: string, bytes: Uint8Array | string, more: Partial<TerritoryInput> = {}) => {
      try {
        plan(s, input(upload(s, name, bytes), 'grids', more));
      } catch (err) {
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(await refusal('网格.zip', await gridsShapefileZip({ without: 'dbf' }))).toMatch(/「网格.shp」缺少同名的 .dbf/);
    expect(await refusal('网格.zip', await gridsShapefileZip({ without: 'prj' }))).toMatch(/投影坐标.*没有 .prj/);
    expect(await refusal('网格.zip', await gridsShapefileZip(), { encoding: 'utf-8' })).toMatch(/按 UTF-8 读出了乱码（第 1 个要素）/);
    expect(await refusal('说明.pdf', '%PDF-1.4 ...')).toMatch(/不是 GeoJSON、KML 或压缩的 Shapefile/);
    const wrongZone = plan(s, input(upload(s, '网格.zip', await gridsShapefileZip()), 'grids', { crs: 'epsg:4528' }));
    expect(wrongZone.counts.reject).toBe(2);
    expect(wrongZone.problems[0]!.message).toMatch(/不在中国境内：请检查坐标系/);
    expect(countRows(s.sqlite, 'grids')).toBe(0);
  });

  it('exports GeoJSON and a Shapefile zip that read back to the same territory', async () => {
    const s = newOffice();
    await importStreet(s);
    const ctx = s.host.context(ADMIN);
    const geo = await exportTerritory(ctx, { format: 'geojson' }, directJob(ctx));
    const collection = JSON.parse(readFileSync(openStoredFile(s.dataDir, geo.file.id, ADMIN).path, 'utf8')) as { features: { properties: { layer: string; name: string } }[] };
    expect(collection.features.map((f) => f.properties.layer)).toEqual(['communities', 'grids', 'grids', 'buildings', 'buildings', 'buildings']);
    const shp = await exportTerritory(ctx, { format: 'shapefile' }, directJob(ctx));
    const files = unzipSync(readFileSync(openStoredFile(s.dataDir, shp.file.id, ADMIN).path));
    expect(Object.keys(files).sort()).toContain('grids.shp');
    const grids = parseDbf(files['grids.dbf']!, 'utf-8');
    expect(grids.map((g) => g.name)).toEqual(['幸福里第1网格', '幸福里第2网格']);
    const shapes = parseShp(files['buildings.shp']!);
    expect(shapes).toHaveLength(3);
  });
});

describe('correcting grids on the map', () => {
  const gridsNow = (s: ImportStreet) =>
    s.sqlite.prepare<[], { code: string; boundary: string }>('SELECT code, boundary FROM grids WHERE deleted = 0 ORDER BY code').all();
  const gridOfBuilding = (s: ImportStreet, name: string) =>
    s.sqlite.prepare<[string], { code: string }>('SELECT g.code FROM buildings b JOIN grids g ON g.id = b.grid_id WHERE b.name = ?').get(name)!.code;

  it('splits a grid along a line, moves the buildings on the far side, and undoes it exactly', async () => {
    const s = newOffice();
    await importStreet(s);
    const ctx = s.host.context(ADMIN);
    const west = s.sqlite.prepare<[], { id: string; boundary: string }>(`SELECT id, boundary FROM grids WHERE code = '370202001001-01'`).get()!;
    // West to east across the west grid at 36.0675: 1号楼 (36.07) stays, 2号楼 (36.065) is cut off.
    const split = splitGrid(ctx, { gridId: west.id, line: [[STREET.west - 0.001, 36.0675], [STREET.middle + 0.001, 36.0675]] });
    expect(split).toMatchObject({ newCode: '370202001001-01-2', moved: 1 });
    expect(gridsNow(s).map((g) => g.code)).toEqual(['370202001001-01', '370202001001-01-2', '370202001001-02']);
    expect(gridOfBuilding(s, '1号楼')).toBe('370202001001-01');
    expect(gridOfBuilding(s, '2号楼')).toBe('370202001001-01-2');
    expect(editHistory(ctx).map((e) => e.label)).toEqual(['拆分网格「幸福里第1网格」']);

    expect(undoEdit(ctx)).toMatchObject({ action: 'split' });
    expect(gridsNow(s).map((g) => g.code)).toEqual(['370202001001-01', '370202001001-02']);
    expect(gridsNow(s)[0]!.boundary).toBe(west.boundary);
    expect(gridOfBuilding(s, '2号楼')).toBe('370202001001-01');
    expect(() => undoEdit(ctx)).toThrow('没有可以撤销的地图修改');
    const actions = s.sqlite.prepare(`SELECT action FROM audit_log WHERE action IN ('territory.split', 'territory.undo') ORDER BY seq`).pluck().all();
    expect(actions).toEqual(['territory.split', 'territory.undo']);
  });

  it('refuses a line that does not cross the grid, writing nothing', async () => {
    const s = newOffice();
    await importStreet(s);
    const ctx = s.host.context(ADMIN);
    const west = s.sqlite.prepare<[], { id: string }>(`SELECT id FROM grids WHERE code = '370202001001-01'`).get()!;
    expect(() => splitGrid(ctx, { gridId: west.id, line: [[STREET.east + 0.01, 36.0], [STREET.east + 0.01, 36.1]] })).toThrow(/没有把网格「幸福里第1网格」分成两块/);
    expect(gridsNow(s)).toHaveLength(2);
  });

  it('moves a building to another grid by hand, audited', async () => {
    const s = newOffice();
    await importStreet(s);
    const ctx = s.host.context(ADMIN);
    const east = s.sqlite.prepare<[], { id: string }>(`SELECT id FROM grids WHERE code = '370202001001-02'`).get()!;
    const building = s.sqlite.prepare<[], { id: string }>(`SELECT id FROM buildings WHERE name = '1号楼'`).get()!;
    const request = createRequest(ctx, { buildingId: building.id, kind: 'medicine', title: '降压药两盒', source: 'hotline', level: 'community' }, Date.now());
    moveBuilding(ctx, { buildingId: building.id, gridId: east.id });
    expect(gridOfBuilding(s, '1号楼')).toBe('370202001001-02');
    // Its requests follow it, so the new grid's worker sees them in the queue.
    expect(s.sqlite.prepare('SELECT grid_id FROM requests WHERE id = ?').pluck().get(request.id)).toBe(east.id);
    expect(s.sqlite.prepare(`SELECT count(*) FROM audit_log WHERE action = 'territory.move_building'`).pluck().get()).toBe(1);
  });
});
