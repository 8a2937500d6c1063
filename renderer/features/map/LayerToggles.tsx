import { Button, Checkbox, Select, Tooltip } from 'antd';
import { ExpandOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n';
import { useApiQuery } from '../../api/queries';
import { useStartupSettled } from '../../api/startup-gate';
import type { LayerVisibility } from './MapCanvas';

const TOGGLES: { key: keyof LayerVisibility; label: MessageKey }[] = [
  { key: 'communities', label: 'map.layer.communities' },
  { key: 'grids', label: 'map.layer.grids' },
  { key: 'buildings', label: 'map.layer.buildings' },
  { key: 'labels', label: 'map.layer.labels' },
  { key: 'safe', label: 'map.layer.safe' },
  { key: 'posts', label: 'staffing.map.layer' },
];

interface Props {
  title: string;
  visible: LayerVisibility;
  onChange(next: LayerVisibility): void;
  onFit(): void;
  /** The screening round whose progress colours the buildings, or null for statuses. */
  screeningRound: string | null;
  onScreeningRound(id: string | null): void;
}

/** The map's title card: which layers are shown, the 摸排进度 colouring, and a button to see everything. */
export function LayerToggles({ title, visible, onChange, onFit, screeningRound, onScreeningRound }: Props) {
  const t = useT();
  const rounds = useApiQuery('screening.rounds', {}, { staleTime: 60_000, retry: false, enabled: useStartupSettled() });
  const list = [...(rounds.data ?? [])].sort((a, b) => b.number - a.number);
  return (
    <section className="gd-overlay gd-layers" data-testid="map-layers" aria-label={t('map.layers')}>
      <div className="gd-layers-head">
        <div className="gd-overlay-title">{title}</div>
        <Tooltip title={t('map.fit')}>
          <Button size="small" type="text" icon={<ExpandOutlined />} aria-label={t('map.fit')} onClick={onFit} data-testid="map-fit" />
        </Tooltip>
      </div>
      <div className="gd-layers-list" role="group" aria-label={t('map.layers')}>
        {TOGGLES.map(({ key, label }) => (
          <Checkbox
            key={key}
            checked={visible[key]}
            data-testid={`toggle-${key}`}
            onChange={(e) => onChange({ ...visible, [key]: e.target.checked })}
          >
            {t(label)}
          </Checkbox>
        ))}
      </div>
      <div className="gd-layers-screening">
        <Checkbox
          checked={screeningRound !== null}
          disabled={list.length === 0}
          data-testid="toggle-screening"
          onChange={(e) => onScreeningRound(e.target.checked ? (list[0]?.id ?? null) : null)}
        >
          {t('map.layer.screening')}
        </Checkbox>
        {screeningRound !== null ? (
          <Select
            size="small"
            className="gd-round-select"
            value={screeningRound}
            onChange={(id: string) => onScreeningRound(id)}
            data-testid="screening-round"
            aria-label={t('map.screening.round')}
            popupMatchSelectWidth={false}
            options={list.map((r) => ({ value: r.id, label: `${r.name}${r.closedAt === null ? '' : t('map.screening.closed')}` }))}
          />
        ) : null}
      </div>
    </section>
  );
}
