import { describe, expect, it } from 'vitest';
import { basemapGreen, basemapRoads, basemapWater, BASEMAP_CENTER } from '../../../maps/basemap/index';
import { buildBasemap } from '../../../maps/basemap/build';
import { buildRoadGraph } from '../../../maps/carve/graph';
import { pointInPolygon, validatePolygonGeoJson } from '../../../maps/geojson';

const sixDecimals = (n: number) => Math.abs(n * 1e6 - Math.round(n * 1e6)) < 1e-6;

describe('offline basemap', () => {
  it('is what generate.ts produces (the committed data is up to date)', () => {
    const built = buildBasemap();
    expect(JSON.parse(JSON.stringify(built.roads))).toEqual(basemapRoads());
    expect(JSON.parse(JSON.stringify(built.water))).toEqual(basemapWater());
    expect(JSON.parse(JSON.stringify(built.green))).toEqual(basemapGreen());
  });

  it('has named arterial and local roads around the demo centre, 6-decimal coordinates', () => {
    const roads = basemapRoads().features;
    const names = new Set(roads.map((f) => f.properties.name));
    for (const n of ['太平路', '中山路', '香港中路', '江苏路', '延安三路', '胶州路']) expect(names).toContain(n);
    expect(new Set(roads.map((f) => f.properties.class))).toEqual(new Set(['arterial', 'local']));
    for (const f of roads) {
      expect(f.properties.name).toMatch(/路$/);
      expect(f.geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      for (const [lng, lat] of f.geometry.coordinates) {
        expect(sixDecimals(lng) && sixDecimals(lat)).toBe(true);
        expect(Math.abs(lng - BASEMAP_CENTER[0])).toBeLessThan(0.05);
        expect(Math.abs(lat - BASEMAP_CENTER[1])).toBeLessThan(0.04);
      }
    }
  });

  it('has valid sea and park polygons, and no road runs into the sea', () => {
    for (const layer of [basemapWater(), basemapGreen()]) {
      const r = validatePolygonGeoJson(layer);
      expect(r.ok).toBe(true);
    }
    expect(basemapWater().features.map((f) => f.properties.name)).toEqual(['青岛湾', '汇泉湾']);
    expect(basemapGreen().features.length).toBeGreaterThanOrEqual(2);
    const sea = basemapWater().features.map((f) => f.geometry.coordinates);
    for (const f of basemapRoads().features) for (const p of f.geometry.coordinates) for (const s of sea) expect(pointInPolygon(p, s)).toBe(false);
  });

  it('forms enough city blocks for the large preset, and stays small', () => {
    const graph = buildRoadGraph(basemapRoads(), BASEMAP_CENTER);
    expect(graph.faces.length).toBeGreaterThan(900);
    const bytes = JSON.stringify(basemapRoads()).length + JSON.stringify(basemapWater()).length + JSON.stringify(basemapGreen()).length;
    expect(bytes).toBeLessThan(300_000);
  });
});
