import { useEffect, useState } from 'react';
import { useMap } from 'react-leaflet';
import type { MapArea, MapGrid } from '../../../electron/api';
import { LabelCanvas, type LabelKind, type PointLabel } from './label-canvas';
import { loadBasemap } from './basemap-data';
import { PANES } from './panes';
import { useApiQuery } from '../../api/queries';

interface Props {
  communities: MapArea[];
  grids: MapGrid[];
  show: { labels: boolean; communities: boolean; grids: boolean };
}

/** Names of communities, grids (closer in) and roads (along them), on one canvas. */
export function LabelsLayer({ communities, grids, show }: Props) {
  const map = useMap();
  const [canvas] = useState(() => new LabelCanvas(PANES.labels.name));
  // Road names belong to the generated basemap; an imported or online one brings its own.
  const basemap = useApiQuery('basemap.info', {}, { staleTime: Infinity });
  const generated = basemap.data ? !basemap.data.imported && !basemap.data.tianditu : false;

  useEffect(() => {
    canvas.attach(map);
    return () => canvas.detach();
  }, [map, canvas]);

  useEffect(() => {
    const points: PointLabel[] = [
      ...communities.map((c): PointLabel => ({ kind: 'community', text: c.name, at: c.label })),
      ...grids.map((g): PointLabel => ({ kind: 'grid', text: g.name, at: g.label })),
    ];
    canvas.setLabels(points, generated ? loadBasemap().roadLabels : []);
  }, [canvas, communities, grids, generated]);

  useEffect(() => {
    const kinds: LabelKind[] = [];
    if (show.labels) {
      kinds.push('road-arterial', 'road-local');
      if (show.communities) kinds.push('community');
      if (show.grids) kinds.push('grid');
    }
    canvas.setVisibleKinds(kinds);
  }, [canvas, show.labels, show.communities, show.grids]);

  return null;
}
