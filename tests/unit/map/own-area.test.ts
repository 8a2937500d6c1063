import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mapLayers } from '../../../db/map/layers';
import { systemInfo } from '../../../db/system/info';
import { LEADER, openStreet, type Street } from '../status/fixture';

let s: Street;
beforeEach(() => {
  s = openStreet();
});
afterEach(() => s.close());

/** The box around these [lng, lat] points, as [[south, west], [north, east]]. */
function box(points: [number, number][]): [[number, number], [number, number]] {
  const lats = points.map((p) => p[1]);
  const lngs = points.map((p) => p[0]);
  return [
    [Math.min(...lats), Math.min(...lngs)],
    [Math.max(...lats), Math.max(...lngs)],
  ];
}

const pointsOf = (sql: string, ...params: string[]): [number, number][] =>
  s.sqlite
    .prepare<unknown[], string>(sql)
    .pluck()
    .all(...params)
    .flatMap((text) => {
      const shape = JSON.parse(text) as unknown;
      // A boundary is a list of rings; a footprint is one ring.
      return (Array.isArray((shape as unknown[][])[0]?.[0]) ? (shape as [number, number][][]).flat() : (shape as [number, number][]));
    });

describe('a grid worker opens on their own grids', () => {
  it('the map fits their grids and buildings, not the street', () => {
    const street = mapLayers(s.ctx(LEADER)).bounds;
    const own = mapLayers(s.ctx(s.worker)).bounds;
    const expected = box([
      ...pointsOf('SELECT boundary FROM grids WHERE id = ?', s.t.grid),
      ...pointsOf('SELECT footprint FROM buildings WHERE grid_id = ? AND deleted = 0', s.t.grid),
    ]);
    expect(own).toEqual(expected);
    expect(own).not.toEqual(street);
    expect(street).toEqual(
      box([...pointsOf('SELECT boundary FROM communities WHERE deleted = 0'), ...pointsOf('SELECT footprint FROM buildings WHERE deleted = 0')]),
    );
  });

  it('the header counts their grids, the others the street', () => {
    expect(systemInfo(s.ctx(LEADER))).toMatchObject({ countsOf: 'street', counts: { communities: 2, grids: 2, buildings: 8 } });
    const residents = s.sqlite.prepare<unknown[], number>('SELECT sum(residents) FROM buildings WHERE grid_id = ?').pluck().get(s.t.grid)!;
    expect(systemInfo(s.ctx(s.worker))).toEqual({
      schemaVersion: expect.any(Number),
      street: expect.objectContaining({ id: s.t.street }),
      countsOf: 'own',
      counts: { communities: 1, zones: 1, grids: 1, compounds: 1, buildings: 5, residents },
    });
  });
});
