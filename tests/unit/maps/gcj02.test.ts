import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, isInChina, wgs84ToGcj02 } from '../../../maps/gcj02';

/** Reference pairs [wgsLng, wgsLat, gcjLng, gcjLat] (the test vectors of the widely used eviltransform library). */
const REFERENCE = [
  [121.5272106, 31.1774276, 121.531541859215, 31.17530398364597],
  [113.912316, 22.543847, 113.9171764808363, 22.540796131694766],
  [116.377817, 39.911954, 116.38404722455657, 39.91334545536069],
];

const metres = (a: number[], b: number[]) =>
  Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos((a[1]! * Math.PI) / 180), (a[1]! - b[1]!) * 110_574);

describe('WGS-84 ↔ GCJ-02', () => {
  it('matches published reference pairs', () => {
    for (const [wLng, wLat, gLng, gLat] of REFERENCE) {
      const [lng, lat] = wgs84ToGcj02(wLng!, wLat!);
      expect(lng).toBeCloseTo(gLng!, 8);
      expect(lat).toBeCloseTo(gLat!, 8);
    }
  });

  it('round-trips within 1e-6 degrees across the demo area', () => {
    for (const p of [[120.37, 36.066], [120.33, 36.05], [120.41, 36.09], ...REFERENCE.map((r) => [r[0]!, r[1]!])]) {
      const back = gcj02ToWgs84(...(wgs84ToGcj02(p[0]!, p[1]!) as [number, number]));
      expect(Math.abs(back[0] - p[0]!)).toBeLessThan(1e-6);
      expect(Math.abs(back[1] - p[1]!)).toBeLessThan(1e-6);
    }
  });

  it('shifts Qingdao by a few hundred metres', () => {
    const p = [120.37, 36.066];
    const d = metres(wgs84ToGcj02(p[0]!, p[1]!), p);
    expect(d).toBeGreaterThan(200);
    expect(d).toBeLessThan(800);
  });

  it('leaves points outside China unchanged', () => {
    for (const p of [[-0.1276, 51.5072], [151.2093, -33.8688], [139.9, 35.68]] as [number, number][]) {
      expect(isInChina(...p)).toBe(false);
      expect(wgs84ToGcj02(...p)).toEqual(p);
      expect(gcj02ToWgs84(...p)).toEqual(p);
    }
  });
});
