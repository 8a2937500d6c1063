import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { BuildingLayer } from './building-layer';

export type SelectMode = 'click' | 'rect' | 'lasso';

interface Props {
  mode: SelectMode;
  layer: BuildingLayer | null;
  /** The ids inside the drawn shape; `add` when Shift was held (adds to the selection). */
  onPicked(ids: string[], add: boolean): void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** A lasso point is kept only this far (px) from the previous one. */
const STEP = 3;

function shapePoints(mode: SelectMode, points: L.Point[]): L.Point[] {
  if (mode !== 'rect' || points.length < 2) return points;
  const a = points[0] as L.Point, b = points[points.length - 1] as L.Point;
  return [a, L.point(b.x, a.y), b, L.point(a.x, b.y)];
}

/**
 * Rectangle and lasso selection over the map: while one of them is on, dragging draws the
 * shape (map dragging is off, the wheel still zooms); releasing selects the buildings whose
 * middle lies inside it.
 */
export function SelectionTool({ mode, layer, onPicked }: Props) {
  const map = useMap();
  const latest = useRef({ layer, onPicked });
  useEffect(() => {
    latest.current = { layer, onPicked };
  });

  useEffect(() => {
    if (mode === 'click') return undefined;
    const container = map.getContainer();
    map.dragging.disable();
    map.boxZoom.disable();
    map.doubleClickZoom.disable();
    container.classList.add('gd-selecting');
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'gd-select-shape');
    svg.setAttribute('data-testid', 'select-shape');
    const path = document.createElementNS(SVG, 'polygon');
    svg.append(path);
    container.append(svg);
    let points: L.Point[] | null = null;
    let pointer = -1;

    const draw = () => path.setAttribute('points', points ? shapePoints(mode, points).map((p) => `${p.x},${p.y}`).join(' ') : '');
    const at = (e: PointerEvent) => map.mouseEventToContainerPoint(e as unknown as MouseEvent);
    const down = (e: PointerEvent) => {
      if (e.button !== 0 || (e.target as Element).closest('.leaflet-control')) return;
      e.preventDefault();
      e.stopPropagation();
      pointer = e.pointerId;
      container.setPointerCapture?.(e.pointerId);
      points = [at(e)];
      draw();
    };
    const move = (e: PointerEvent) => {
      if (!points || e.pointerId !== pointer) return;
      const p = at(e);
      if (mode === 'rect') points = [points[0] as L.Point, p];
      else if ((points[points.length - 1] as L.Point).distanceTo(p) >= STEP) points.push(p);
      draw();
    };
    const up = (e: PointerEvent) => {
      if (!points || e.pointerId !== pointer) return;
      if (mode === 'rect') points = [points[0] as L.Point, at(e)];
      else points.push(at(e));
      const shape = shapePoints(mode, points);
      points = null;
      pointer = -1;
      draw();
      const { layer: current, onPicked: picked } = latest.current;
      if (!current || shape.length < 3) return;
      picked(current.idsInPolygon(map, shape), e.shiftKey);
    };
    container.addEventListener('pointerdown', down, true);
    container.addEventListener('pointermove', move);
    container.addEventListener('pointerup', up);
    container.addEventListener('pointercancel', up);
    return () => {
      container.removeEventListener('pointerdown', down, true);
      container.removeEventListener('pointermove', move);
      container.removeEventListener('pointerup', up);
      container.removeEventListener('pointercancel', up);
      svg.remove();
      container.classList.remove('gd-selecting');
      map.dragging.enable();
      map.boxZoom.enable();
      map.doubleClickZoom.enable();
    };
  }, [map, mode]);

  return null;
}
