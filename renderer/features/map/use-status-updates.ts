import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { MapLayers } from '../../../electron/api';
import { useApiEvent } from '../../api/events';
import { queryKey } from '../../api/queries';
import { useT } from '../../i18n';
import { isOwnChange } from '../statuses/own-changes';
import { useStatusRefresh } from '../statuses/use-status-refresh';

/**
 * `buildings.statusChanged` recolours the buildings in the cached map data (the map layer
 * then restyles only those polygons, the legend recounts) and refreshes what shows statuses:
 * the open panel and its history, the undo button, the reminders. `data.changed` is handled
 * app-wide (it refetches `map.layers` and `buildings.*`).
 */
export function useStatusUpdates(): void {
  const client = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  const refresh = useStatusRefresh();
  useApiEvent('buildings.statusChanged', ({ ids, status, at }) => {
    const wanted = new Set(ids);
    let changed = 0;
    client.setQueryData<MapLayers>(queryKey('map.layers', {}), (old) => {
      if (!old) return old;
      const { ids: all, statuses } = old.buildings;
      const next = statuses.slice();
      for (let i = 0; i < all.length; i++) {
        if (statuses[i] !== status && wanted.has(all[i] as string)) {
          next[i] = status;
          changed++;
        }
      }
      return changed > 0 ? { ...old, buildings: { ...old.buildings, statuses: next } } : old;
    });
    refresh();
    if (changed > 0 && !isOwnChange(at)) void message.info({ content: t('map.updated', { count: changed }), key: 'status-updates' });
  });
}
