import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { PostOnMap } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useStartupSettled } from '../../api/startup-gate';
import { useT, type Translate } from '../../i18n';
import { useCan } from '../auth/session';
import { kindLabel } from './words';

/** Covered green, short red, no shift now grey. */
export const POST_STATE_COLOURS: Record<PostOnMap['state'], string> = { covered: '#389e0d', short: '#cf1322', off: '#8c8c8c' };

function tooltipOf(p: PostOnMap, t: Translate): string {
  const kind = kindLabel(p.kind, t);
  if (!p.shift) return `${p.name}（${kind}）：${t('staffing.map.off')}`;
  return `${p.name}（${kind}）· ${p.shift.name}：${t('staffing.map.shift', { filled: p.shift.filled, needed: p.shift.needed, signedIn: p.shift.signedIn })}`;
}

/** 值守点位 on the map: a dot (a line for a patrol) coloured by whether the shift under way is covered. */
export function PostsMapLayer() {
  const map = useMap();
  const t = useT();
  const enabled = useCan()('staffing.read') && useStartupSettled();
  const posts = useApiQuery('staffing.postsNow', {}, { enabled, refetchInterval: 60_000, staleTime: 30_000 }).data;
  useEffect(() => {
    if (!posts) return undefined;
    const group = L.layerGroup(
      posts.map((p) => {
        const colour = POST_STATE_COLOURS[p.state];
        const shape = p.route
          ? L.polyline(p.route.map(([lng, lat]) => [lat, lng] as [number, number]), { color: colour, weight: 4, dashArray: '6 4', className: `gd-post-mark gd-post-${p.state}` })
          : L.circleMarker([p.point![1], p.point![0]], { radius: 7, color: '#1f1f1f', weight: 2, fillColor: colour, fillOpacity: 0.95, className: `gd-post-mark gd-post-${p.state}` });
        return shape.bindTooltip(tooltipOf(p, t));
      }),
    ).addTo(map);
    const container = map.getContainer();
    container.setAttribute('data-post-marks', String(posts.length));
    container.setAttribute('data-post-short', String(posts.filter((p) => p.state === 'short').length));
    return () => {
      group.remove();
      container.removeAttribute('data-post-marks');
      container.removeAttribute('data-post-short');
    };
  }, [map, posts, t]);
  return null;
}
