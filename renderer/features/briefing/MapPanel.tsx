import { useMemo, useState } from 'react';
import type { Briefing } from '../../../electron/api';
import { useMapLayers } from '../../api/queries';
import { useT } from '../../i18n';
import { formatNumber } from '../../i18n/format';
import { MapCanvas, type LayerVisibility } from '../map/MapCanvas';
import type { BuildingLayer } from '../map/building-layer';
import { useMapColouring } from '../map/use-map-colouring';
import { useMapSync } from '../map/use-map-sync';
import { useStatusStyles } from '../statuses/use-status-styles';
import { deltaText } from './compare';
import '../map/map.css';

const VISIBLE: LayerVisibility = { communities: true, grids: false, buildings: true, labels: true, safe: false };
const NONE: ReadonlySet<string> = new Set();
const ignore = () => undefined;

/**
 * The street map of the map page, coloured by status and kept current by the same pushed
 * changes, with nothing to select; beside it each status's count and its change since yesterday.
 */
export function MapPanel({ data }: { data: Briefing }) {
  const t = useT();
  const layers = useMapLayers();
  useMapSync(layers.data);
  const [layer, setLayer] = useState<BuildingLayer | null>(null);
  const { colouring } = useMapColouring(layers.data?.buildings, null, null);
  const styles = useStatusStyles();
  const counts = useMemo(() => new Map(data.byStatus.map((b) => [b.status, b])), [data.byStatus]);
  return (
    <div className="gd-brief-map">
      <div className="gd-brief-map-canvas">
        <MapCanvas
          layers={layers.data}
          colouring={colouring}
          visible={VISIBLE}
          selectedId={null}
          picked={NONE}
          onSelect={ignore}
          onLayer={setLayer}
          layer={layer}
          mode="click"
          onPicked={ignore}
          safeCompounds={undefined}
          fitRequest={0}
        />
      </div>
      <ul className="gd-brief-legend" data-testid="briefing-legend">
        {styles.list
          .filter((s) => !s.retired || (counts.get(s.key)?.buildings ?? 0) > 0)
          .map((s) => {
            const c = counts.get(s.key);
            const delta = c ? deltaText(c.buildings, c.yesterday) : null;
            const rising = c !== undefined && c.buildings > c.yesterday && s.rank > 0;
            return (
              <li key={s.key} className={rising ? 'gd-brief-attention' : undefined} data-testid={`briefing-status-${s.key}`} data-value={c?.buildings ?? 0}>
                <span className="gd-brief-swatch" style={{ background: s.color }} />
                <span className="gd-brief-legend-label">{s.label}</span>
                <strong>{formatNumber(c?.buildings ?? 0)}</strong>
                <span className={`gd-brief-legend-delta gd-brief-${rising ? 'up' : 'same'}`}>{delta ? t('briefing.vsYesterday', { delta }) : t('briefing.sameAsYesterday')}</span>
              </li>
            );
          })}
      </ul>
    </div>
  );
}
