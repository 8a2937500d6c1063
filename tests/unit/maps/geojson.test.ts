import { describe, expect, it } from 'vitest';
import {
  bbox, bboxOverlap, convexRingsOverlap, pointInPolygon, polygonArea, polygonCentroid, ringInsidePolygon, simplifyLine,
  simplifyRing, validatePolygonGeoJson, type Position,
} from '../../../maps/geojson';

/** A square of `side` metres (approximately) with its south-west corner at lng, lat. */
function square(lng: number, lat: number, side: number): Position[] {
  const dLng = side / (111_320 * Math.cos((lat * Math.PI) / 180)), dLat = side / 110_574;
  return [[lng, lat], [lng + dLng, lat], [lng + dLng, lat + dLat], [lng, lat + dLat], [lng, lat]];
}

const feature = (coordinates: unknown, type = 'Polygon') => ({ type: 'Feature', properties: { name: 'x' }, geometry: { type, coordinates } });

describe('validatePolygonGeoJson', () => {
  it('accepts a FeatureCollection of polygons and multipolygons', () => {
    const r = validatePolygonGeoJson({
      type: 'FeatureCollection',
      features: [feature([square(120.37, 36.06, 100)]), feature([[square(120.38, 36.06, 50)], [square(120.39, 36.06, 50)]], 'MultiPolygon')],
    });
    expect(r.ok && r.features.map((f) => [f.polygons.length, f.properties])).toEqual([
      [1, { name: 'x' }],
      [2, { name: 'x' }],
    ]);
  });

  it('names the feature and the problem', () => {
    const open = square(120.37, 36.06, 100).slice(0, 4);
    const r = validatePolygonGeoJson({
      type: 'FeatureCollection',
      features: [
        feature([square(120.37, 36.06, 100)]),
        feature([open]),
        feature([[[120.37, 36.06], [120.38, 36.06], [120.37, 36.06]]]),
        feature([[[36.06, 120.37], [36.07, 120.37], [36.07, 120.38], [36.06, 120.37]]]),
        feature([[0, 0]], 'LineString'),
      ],
    });
    expect(r.ok).toBe(false);
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.featureIndex)).toEqual([1, 2, 3, 3, 4]);
    expect(errors[0]!.message).toMatch(/^第 2 个要素：外环未闭合/);
    expect(errors[1]!.message).toContain('只有 3 个坐标');
    expect(errors[2]!.message).toContain('纬度 120.37 超出范围');
    expect(errors[2]!.message).toContain('经纬度是否写反了');
    expect(errors[3]!.message).toContain('另有 3 个坐标有同类问题');
    expect(errors[4]!.message).toContain('只接受 Polygon 或 MultiPolygon');
  });

  it('warns about clockwise outer rings but accepts them', () => {
    const r = validatePolygonGeoJson({ type: 'Polygon', coordinates: [[...square(120.37, 36.06, 100)].reverse()] });
    expect(r.ok).toBe(true);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.severity).toBe('warning');
  });

  it('rejects what is not GeoJSON', () => {
    expect(validatePolygonGeoJson('{oops').ok).toBe(false);
    const r = validatePolygonGeoJson({ type: 'Point', coordinates: [0, 0] });
    expect(r.ok).toBe(false);
    expect(r.issues[0]!.message).toContain('不支持的 GeoJSON 类型「Point」');
    expect(validatePolygonGeoJson({ type: 'FeatureCollection', features: [] }).ok).toBe(false);
  });
});

describe('geometry helpers', () => {
  it('measures area in square metres, minus holes', () => {
    const outer = square(120.37, 36.06, 100);
    expect(polygonArea([outer])).toBeGreaterThan(9_900);
    expect(polygonArea([outer])).toBeLessThan(10_100);
    const hole = [...square(120.3702, 36.0602, 20)].reverse();
    expect(polygonArea([outer, hole])).toBeCloseTo(polygonArea([outer]) - polygonArea([hole]), 0);
  });

  it('finds centroids and tests containment with holes', () => {
    const outer = square(120.37, 36.06, 100);
    const c = polygonCentroid([outer]);
    expect(pointInPolygon(c, [outer])).toBe(true);
    const hole = square(c[0] - 0.0001, c[1] - 0.0001, 20);
    expect(pointInPolygon(c, [outer, hole])).toBe(false);
    expect(pointInPolygon([120.5, 36.06], [outer])).toBe(false);
    expect(ringInsidePolygon(square(120.3701, 36.0601, 10), [outer])).toBe(true);
    expect(ringInsidePolygon(square(120.3709, 36.0601, 50), [outer])).toBe(false);
  });

  it('computes and compares bounding boxes, and detects overlapping footprints', () => {
    const a = square(120.37, 36.06, 100), b = square(120.3705, 36.0605, 100), far = square(120.4, 36.06, 10);
    expect(bbox(a)[0]).toBe(120.37);
    expect(bboxOverlap(bbox(a), bbox(b))).toBe(true);
    expect(bboxOverlap(bbox(a), bbox(far))).toBe(false);
    expect(convexRingsOverlap(a, b)).toBe(true);
    expect(convexRingsOverlap(a, far)).toBe(false);
  });

  it('simplifies lines and rings by a tolerance in metres', () => {
    const line: Position[] = Array.from({ length: 50 }, (_, i) => [120.37 + i * 0.0001, 36.06 + (i % 2) * 0.000001]);
    expect(simplifyLine(line, 1)).toEqual([line[0], line[49]]);
    expect(simplifyLine(line, 0.01).length).toBe(50);
    const ring = square(120.37, 36.06, 100);
    const dense = [...ring.slice(0, 1), [120.3705, 36.06] as Position, ...ring.slice(1)];
    const simple = simplifyRing(dense, 1);
    expect(simple).toHaveLength(5);
    expect(simple[0]).toEqual(simple[simple.length - 1]);
  });
});
