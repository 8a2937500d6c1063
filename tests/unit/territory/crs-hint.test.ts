import { afterEach, describe, expect, it } from 'vitest';
import { directJob } from '../../../db/imports/direct-job';
import { applyTerritory } from '../../../db/territory/apply';
import { createOffice } from '../../../db/territory/office';
import { planTerritory } from '../../../db/territory/stage';
import type { TerritoryInput } from '../../../electron/api/territory';
import { ADMIN } from '../helpers/actors';
import { openImportStreet, upload, type ImportStreet } from '../imports/fixture';
import { BUILDINGS, buildingsGcjGeoJson, communityGeoJson, gridsShapefileZip } from '../../shared/territory-files';

let street: ImportStreet | undefined;
afterEach(() => street?.close());

const input = (fileId: string, layer: TerritoryInput['layer'], more: Partial<TerritoryInput> = {}): TerritoryInput => ({ fileId, layer, crs: 'auto', encoding: 'auto', mapping: {}, ...more });

/** The same buildings in WGS-84, moved by (dx, dy) degrees. */
function buildingsWgs(dx = 0, dy = 0): string {
  const d = 0.0002;
  return JSON.stringify({
    type: 'FeatureCollection',
    features: BUILDINGS.map((b) => {
      const [x, y] = [b.lng + dx, b.lat + dy];
      return { type: 'Feature', properties: { 名称: b.name, 地址: b.address }, geometry: { type: 'Polygon', coordinates: [[[x - d, y - d], [x + d, y - d], [x + d, y + d], [x - d, y + d], [x - d, y - d]]] } };
    }),
  });
}

describe('telling GCJ-02 from WGS-84 by the office data', () => {
  it('proposes GCJ-02 for a file offset by its shift, says why, and stays quiet for a WGS-84 file', async () => {
    const s = (street = openImportStreet(undefined, false));
    const ctx = s.host.context(ADMIN);
    createOffice(ctx, ADMIN, { name: '幸福街道', code: '370202001000', city: '青岛市', district: '市南区' });
    const plan = (i: TerritoryInput) => planTerritory(ctx, i, directJob(ctx)).preview;
    const apply = (i: TerritoryInput) => applyTerritory(ctx, i, directJob(ctx));
    // No data yet: nothing to compare with.
    expect(plan(input(upload(s, '社区.geojson', communityGeoJson()), 'communities')).crsHint).toBeNull();
    apply(input(upload(s, '社区.geojson', communityGeoJson()), 'communities'));
    apply(input(upload(s, '网格.zip', await gridsShapefileZip()), 'grids'));
    apply(input(upload(s, '楼栋.geojson', buildingsWgs()), 'buildings'));

    const gcj = plan(input(upload(s, '高德楼栋.geojson', buildingsGcjGeoJson()), 'buildings'));
    expect(gcj.crs).toMatchObject({ choice: 'wgs84', detected: false });
    expect(gcj.crsHint?.propose).toBe('gcj02');
    expect(gcj.crsHint?.reason).toMatch(/去掉 GCJ-02 的偏移（约 \d{3} 米，偏[东西南北]+）后只差 0 米/);
    expect(gcj.crsHint?.reason).toContain('建议改选 GCJ-02');
    // Chosen, the same file lines up and no hint is given.
    expect(plan(input(upload(s, '高德楼栋.geojson', buildingsGcjGeoJson()), 'buildings', { crs: 'gcj02' })).crsHint).toBeNull();
    expect(plan(input(upload(s, '楼栋.geojson', buildingsWgs()), 'buildings')).crsHint).toBeNull();
  });

  it('asks when the file lines up with nothing the office has', async () => {
    const s = (street = openImportStreet(undefined, false));
    const ctx = s.host.context(ADMIN);
    createOffice(ctx, ADMIN, { name: '幸福街道', code: '370202001000', city: '青岛市', district: '市南区' });
    applyTerritory(ctx, input(upload(s, '社区.geojson', communityGeoJson()), 'communities'), directJob(ctx));
    applyTerritory(ctx, input(upload(s, '楼栋.geojson', buildingsWgs()), 'buildings'), directJob(ctx));
    const hint = planTerritory(ctx, input(upload(s, '别处.geojson', buildingsWgs(0.0031, -0.0027)), 'buildings'), directJob(ctx)).preview.crsHint;
    expect(hint?.propose).toBeNull();
    expect(hint?.reason).toMatch(/^无法判断这份数据的坐标系/);
  });
});
