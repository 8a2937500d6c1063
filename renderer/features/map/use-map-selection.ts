import { gridLabel } from '../../../messages';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BuildingDetail, MapLayers } from '../../../electron/api';
import { useT } from '../../i18n';
import { targetIds, type StatusTarget } from '../statuses/status-target';
import type { AreaKind } from './BuildingActions';
import type { BuildingLayer } from './building-layer';
import type { SelectMode } from './SelectionTool';
import { setTestSelection } from './test-hook';

export type Selected = Exclude<StatusTarget, { kind: 'single' }>;
const NONE: ReadonlySet<string> = new Set();

/**
 * The selection tools' state: the mode (click, box, lasso), what is selected (drawn buildings or
 * a whole grid/compound/community) and the status change being edited; Esc clears the selection.
 */
export function useMapSelection(layer: BuildingLayer | null, data: MapLayers | undefined, onEscape: () => void) {
  const t = useT();
  const [mode, setMode] = useState<SelectMode>('click');
  const [selection, setSelection] = useState<Selected | null>(null);
  const [editing, setEditing] = useState<StatusTarget | null>(null);

  const picked = useMemo(() => {
    const ids = selection ? targetIds(selection) : null;
    return ids ? new Set(ids) : NONE;
  }, [selection]);
  const pickedRef = useRef(picked);
  useEffect(() => {
    pickedRef.current = picked;
  }, [picked]);
  useEffect(() => {
    if (import.meta.env.MODE === 'e2e') setTestSelection(() => [...pickedRef.current]);
  }, []);

  const onPicked = useCallback(
    (ids: string[], add: boolean) => {
      setSelection((prev) => {
        const merged = add && prev?.kind === 'buildings' ? [...new Set([...prev.ids, ...ids])] : ids;
        if (merged.length === 0) return null;
        return { kind: 'buildings', ids: merged, label: t(mode === 'rect' ? 'map.selection.rect' : 'map.selection.lasso') };
      });
    },
    [mode, t],
  );

  const selectArea = (kind: AreaKind, b: BuildingDetail) => {
    let ids: string[] | null = null;
    if (layer && data && kind !== 'compound') {
      const area = kind === 'grid' ? data.grids.find((g) => g.id === b.grid.id) : data.communities.find((c) => c.id === b.community.id);
      const ring = area?.boundary[0];
      if (ring) ids = layer.idsInRing(ring);
    }
    const id = kind === 'grid' ? b.grid.id : kind === 'compound' ? b.compound.id : b.community.id;
    const name = kind === 'grid' ? gridLabel(b.community.name, b.grid.name) : kind === 'compound' ? b.compound.name : b.community.name;
    setSelection({ kind, id, ids, label: t(`map.selection.${kind}`, { name }) });
  };

  /** Back to clicking, nothing selected, no dialog. */
  const reset = () => {
    setSelection(null);
    setMode('click');
    setEditing(null);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || editing) return;
      setSelection(null);
      onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editing, onEscape]);

  return { mode, setMode, selection, setSelection, editing, setEditing, picked, onPicked, selectArea, reset };
}
