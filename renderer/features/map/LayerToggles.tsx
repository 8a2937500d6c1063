import { Button, Checkbox, Tooltip } from 'antd';
import { ExpandOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n';
import type { LayerVisibility } from './MapCanvas';

const TOGGLES: { key: keyof LayerVisibility; label: MessageKey }[] = [
  { key: 'communities', label: 'map.layer.communities' },
  { key: 'grids', label: 'map.layer.grids' },
  { key: 'buildings', label: 'map.layer.buildings' },
  { key: 'labels', label: 'map.layer.labels' },
];

interface Props {
  title: string;
  visible: LayerVisibility;
  onChange(next: LayerVisibility): void;
  onFit(): void;
}

/** The map's title card: which layers are shown, and a button to see everything. */
export function LayerToggles({ title, visible, onChange, onFit }: Props) {
  const t = useT();
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
    </section>
  );
}
