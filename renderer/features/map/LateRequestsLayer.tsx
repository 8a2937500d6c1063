import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import { useApiQuery } from '../../api/queries';
import { useStartupSettled } from '../../api/startup-gate';
import { useT } from '../../i18n';
import { useCan } from '../auth/session';

const MARK = (n: number) => `<span class="gd-late-mark">${n > 9 ? '9+' : n}</span>`;

/** Buildings with a resident request past its limit (督办): a red badge on each; a click opens the building. */
export function LateRequestsLayer({ onOpen }: { onOpen(buildingId: string): void }) {
  const map = useMap();
  const t = useT();
  const enabled = useCan()('requests.read') && useStartupSettled();
  const alerts = useApiQuery('requests.alerts', {}, { enabled, refetchInterval: 60_000, staleTime: 30_000 });
  const buildings = alerts.data?.buildings;
  useEffect(() => {
    if (!buildings) return undefined;
    const group = L.layerGroup(
      buildings.map((b) =>
        L.marker(b.centroid, {
          icon: L.divIcon({ html: MARK(b.overdue), className: 'gd-late', iconSize: [20, 20], iconAnchor: [10, 24] }),
          keyboard: false,
          title: t('map.lateRequests', { n: b.overdue }),
        }).on('click', () => onOpen(b.id)),
      ),
    ).addTo(map);
    map.getContainer().setAttribute('data-late-request-marks', String(buildings.length));
    return () => {
      group.remove();
      map.getContainer().removeAttribute('data-late-request-marks');
    };
  }, [map, buildings, onOpen, t]);
  return null;
}
