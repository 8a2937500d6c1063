import { Button, Segmented, Tooltip } from 'antd';
import { AimOutlined, BorderOutlined, CloseOutlined, EditOutlined, GatewayOutlined } from '@ant-design/icons';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n';
import type { SelectMode } from './SelectionTool';
import { UndoLastBatch } from './UndoLastBatch';
import { AsOfControl } from './AsOfControl';

interface Props {
  canEdit: boolean;
  mode: SelectMode;
  onMode(mode: SelectMode): void;
  /** What is selected, in words, and how many buildings (null when not known). */
  selection: { label: string; count: number | null } | null;
  onClear(): void;
  onBulk(): void;
  asOf: number | null;
  onAsOf(at: number | null): void;
}

/** Selection tools, the selection chip with the bulk change, undo, and the as-of date. */
export function MapToolbar({ canEdit, mode, onMode, selection, onClear, onBulk, asOf, onAsOf }: Props) {
  const t = useT();
  const past = asOf !== null;
  return (
    <div className="gd-overlay gd-toolbar" data-testid="map-toolbar" role="toolbar" aria-label={t('map.tools')}>
      {canEdit ? (
        <>
          <Segmented<SelectMode>
            size="small"
            value={mode}
            onChange={onMode}
            disabled={past}
            data-testid="select-mode"
            options={[
              { value: 'click', icon: <AimOutlined />, label: <span data-testid="tool-click">{t('map.tool.click')}</span> },
              { value: 'rect', icon: <BorderOutlined />, label: <span data-testid="tool-rect">{t('map.tool.rect')}</span> },
              { value: 'lasso', icon: <GatewayOutlined />, label: <span data-testid="tool-lasso">{t('map.tool.lasso')}</span> },
            ]}
          />
          {selection ? (
            <span className="gd-select-chip" data-testid="selection-chip" data-count={selection.count ?? ''}>
              <span className="gd-select-label">
                {selection.count !== null
                  ? t('map.selection.count', { label: selection.label, count: formatNumber(selection.count) })
                  : selection.label}
              </span>
              <Tooltip title={t('map.selection.clear')}>
                <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClear} aria-label={t('map.selection.clear')} data-testid="selection-clear" />
              </Tooltip>
              <Button size="small" type="primary" icon={<EditOutlined />} onClick={onBulk} disabled={past || selection.count === 0} data-testid="bulk-open">
                {t('map.bulk.open')}
              </Button>
            </span>
          ) : mode !== 'click' ? (
            <span className="gd-muted gd-select-hint">{t(mode === 'rect' ? 'map.tool.hintRect' : 'map.tool.hintLasso')}</span>
          ) : null}
          <UndoLastBatch disabled={past} />
        </>
      ) : null}
      <AsOfControl at={asOf} onChange={onAsOf} />
    </div>
  );
}
