import { useEffect } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { SafeCompound } from '../../../electron/api';
import { SAFE_COMPOUND_FLAG_COLOR } from '../../../maps/status';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n';

const FLAG = `<svg width="18" height="22" viewBox="0 0 18 22" aria-hidden="true"><path d="M3 1v20" stroke="#5b3a1a" stroke-width="2" stroke-linecap="round"/><path d="M4 2h12l-3 4 3 4H4z" fill="${SAFE_COMPOUND_FLAG_COLOR}" stroke="#8a1010" stroke-width="0.8"/></svg>`;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 放心楼院: a small red flag at each designated compound, its name and date on hover. */
export function SafeCompoundsLayer({ compounds }: { compounds: SafeCompound[] }) {
  const map = useMap();
  const t = useT();
  useEffect(() => {
    const icon = L.divIcon({ html: FLAG, className: 'gd-flag', iconSize: [18, 22], iconAnchor: [3, 21], tooltipAnchor: [8, -14] });
    const group = L.layerGroup(
      compounds.map((c) =>
        L.marker(c.flagAt, { icon, keyboard: false, title: c.compoundName, alt: c.compoundName }).bindTooltip(
          `<b>${escape(c.compoundName)}</b><br/>${escape(t('map.safe.granted', { date: formatDate(c.grantedAt) }))}`,
          { direction: 'top', className: 'gd-flag-tip' },
        ),
      ),
    ).addTo(map);
    map.getContainer().setAttribute('data-safe-flags', String(compounds.length));
    return () => {
      group.remove();
      map.getContainer().removeAttribute('data-safe-flags');
    };
  }, [map, compounds, t]);
  return null;
}
