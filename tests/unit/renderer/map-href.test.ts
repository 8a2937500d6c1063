import { describe, expect, it } from 'vitest';
import { areaOnMapHref, buildingOnMapHref, readFitParam } from '../../../renderer/features/map/map-href';

describe('links into the map', () => {
  it('writes an area as a box the map reads back, and ignores a box that is not four numbers', () => {
    const href = areaOnMapHref([[36.06, 120.37], [36.07, 120.38]]);
    expect(href).toBe('#/map?fit=36.06%2C120.37%2C36.07%2C120.38');
    expect(readFitParam(new URLSearchParams(href.split('?')[1]).get('fit'))).toEqual([[36.06, 120.37], [36.07, 120.38]]);
    expect(readFitParam('36.06,120.37,36.07')).toBeNull();
    expect(readFitParam('36.06,120.37,x,120.38')).toBeNull();
    expect(readFitParam(null)).toBeNull();
    expect(buildingOnMapHref('b-1')).toBe('#/map?building=b-1');
  });
});
