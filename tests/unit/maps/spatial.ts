/** Test helper: all pairs of rings whose bounding boxes share a cell of a spatial hash. */
import { bbox, bboxOverlap, type BBox, type Position } from '../../../maps/geometry';

export function candidatePairs(rings: readonly Position[][], cellDeg = 0.002): [number, number][] {
  const boxes: BBox[] = rings.map((r) => bbox(r));
  const cells = new Map<string, number[]>();
  boxes.forEach((b, i) => {
    for (let x = Math.floor(b[0] / cellDeg); x <= Math.floor(b[2] / cellDeg); x++)
      for (let y = Math.floor(b[1] / cellDeg); y <= Math.floor(b[3] / cellDeg); y++) {
        const key = `${x},${y}`;
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
  });
  const seen = new Set<string>();
  const pairs: [number, number][] = [];
  for (const list of cells.values())
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a]!, j = list[b]!;
        const key = i < j ? `${i}|${j}` : `${j}|${i}`;
        if (seen.has(key) || !bboxOverlap(boxes[i]!, boxes[j]!)) continue;
        seen.add(key);
        pairs.push([i, j]);
      }
  return pairs;
}
