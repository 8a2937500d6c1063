/**
 * A local tangent-plane frame in metres around an origin (equirectangular approximation),
 * accurate to well under a metre across a few kilometres — enough for laying out blocks
 * and buildings and for tolerances in simplification.
 */
export type Position = [number, number];

const METRES_PER_DEG_LAT = 110_574;
const METRES_PER_DEG_LNG_EQUATOR = 111_320;

export interface LocalFrame {
  origin: Position;
  toLocal(p: readonly number[]): Position;
  toLngLat(p: readonly number[]): Position;
}

export function createLocalFrame(origin: Position): LocalFrame {
  const [lng0, lat0] = origin;
  const kx = METRES_PER_DEG_LNG_EQUATOR * Math.cos((lat0 * Math.PI) / 180);
  const ky = METRES_PER_DEG_LAT;
  return {
    origin,
    toLocal: (p) => [(p[0]! - lng0) * kx, (p[1]! - lat0) * ky],
    toLngLat: (p) => [lng0 + p[0]! / kx, lat0 + p[1]! / ky],
  };
}

/** Rounds to 6 decimals (about 0.1 m), the precision every stored coordinate uses. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function roundPosition(p: readonly number[]): Position {
  return [round6(p[0]!), round6(p[1]!)];
}
