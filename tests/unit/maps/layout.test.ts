import { describe, expect, it } from 'vitest';
import { apportion, buildLayout, type StreetLayout } from '../../../maps/layout';
import { basemapGreen, basemapRoads } from '../../../maps/basemap/index';
import { convexRingsOverlap, pointInPolygon, ringInsidePolygon, segmentsIntersect, type Position } from '../../../maps/geometry';
import { candidatePairs } from './spatial';

const SMALL = { communities: 3, grids: 24, buildings: 400 };
const small = buildLayout(SMALL, 7);

const grids = (l: StreetLayout) => l.communities.flatMap((c) => c.grids);
const buildings = (l: StreetLayout) => grids(l).flatMap((g) => g.compounds.flatMap((c) => c.buildings));

describe('street layout', () => {
  it('has the requested numbers of communities, grids and buildings', () => {
    expect(small.communities).toHaveLength(3);
    expect(grids(small)).toHaveLength(24);
    expect(buildings(small)).toHaveLength(400);
    for (const g of grids(small)) expect(g.compounds.length).toBeGreaterThan(0);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(buildLayout(SMALL, 7))).toBe(JSON.stringify(small));
    expect(JSON.stringify(buildLayout(SMALL, 8))).not.toBe(JSON.stringify(small));
  });

  it('puts every footprint inside its grid, and every grid inside its community', () => {
    for (const c of small.communities) {
      expect(pointInPolygon(c.label, c.boundary)).toBe(true);
      for (const g of c.grids) {
        expect(pointInPolygon(g.label, g.boundary)).toBe(true);
        expect(pointInPolygon(g.label, c.boundary)).toBe(true);
        for (const cp of g.compounds) for (const b of cp.buildings) expect(ringInsidePolygon(b.footprint, g.boundary)).toBe(true);
      }
    }
  });

  it('never overlaps two footprints', () => {
    const rings = buildings(small).map((b) => b.footprint);
    const overlapping = candidatePairs(rings).filter(([i, j]) => convexRingsOverlap(rings[i]!, rings[j]!));
    expect(overlapping).toEqual([]);
  });

  it('keeps buildings off roads and out of parks', () => {
    const segments: [Position, Position][] = basemapRoads().features.flatMap((f) =>
      f.geometry.coordinates.slice(1).map((p, i): [Position, Position] => [f.geometry.coordinates[i]!, p]),
    );
    const rings = buildings(small).map((b) => b.footprint);
    const all = [...rings, ...segments.map(([a, b]) => [a, b])];
    const crossing = candidatePairs(all)
      .filter(([i, j]) => i < rings.length !== j < rings.length)
      .filter(([i, j]) => {
        const ring = rings[Math.min(i, j)]!, [a, b] = segments[Math.max(i, j) - rings.length]!;
        return ring.slice(1).some((p, k) => segmentsIntersect(ring[k]!, p, a, b)) || pointInPolygon(a, [ring]);
      });
    expect(crossing).toEqual([]);
    const parks = basemapGreen().features.map((f) => f.geometry.coordinates);
    for (const b of buildings(small)) for (const park of parks) expect(pointInPolygon(b.centroid, park)).toBe(false);
  });

  it('fits the large preset, closed rings and 6-decimal coordinates throughout', () => {
    const large = buildLayout({ communities: 20, grids: 400, buildings: 10_000 }, 1);
    expect(large.communities).toHaveLength(20);
    expect(grids(large)).toHaveLength(400);
    expect(buildings(large)).toHaveLength(10_000);
    const rings = buildings(large).map((b) => b.footprint);
    expect(candidatePairs(rings).filter(([i, j]) => convexRingsOverlap(rings[i]!, rings[j]!))).toEqual([]);
    for (const g of grids(large)) {
      const ring = g.boundary[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(ring.length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('apportion', () => {
  it('splits a total by weight, at least one each', () => {
    expect(apportion(10, [1, 1, 1, 1, 1])).toEqual([2, 2, 2, 2, 2]);
    expect(apportion(7, [10, 0, 1]).reduce((s, x) => s + x, 0)).toBe(7);
    expect(apportion(7, [10, 0, 1])[1]).toBe(1);
    expect(apportion(30, [5, 20], true)).toEqual([5, 20]);
  });
});
