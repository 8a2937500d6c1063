import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { MapLayers } from '../../../electron/api';
import { useApiEvent } from '../../api/events';
import { queryKey } from '../../api/queries';
import { useT } from '../../i18n';

/** Beyond this many, drop every cached building detail instead of naming each one. */
const MANY = 50;

/**
 * `buildings.statusChanged` recolours the buildings in the cached map data (the map layer
 * then restyles only those polygons) and refreshes their details; nothing else is refetched.
 */
export function useStatusUpdates(): void {
  const client = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  useApiEvent('buildings.statusChanged', ({ ids, status }) => {
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
    if (ids.length > MANY) void client.invalidateQueries({ queryKey: ['buildings.get'] });
    else for (const id of ids) void client.invalidateQueries({ queryKey: queryKey('buildings.get', { id }) });
    if (changed > 0) void message.info({ content: t('map.updated', { count: changed }), key: 'status-updates' });
  });
}
