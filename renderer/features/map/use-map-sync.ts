import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import type { MapLayers } from '../../../electron/api';
import { call } from '../../api/client';
import { useApiEvent } from '../../api/events';
import { queryKey } from '../../api/queries';
import { useT } from '../../i18n';
import { ownChanges } from '../statuses/own-changes';
import { MapSync } from './map-sync';

const LAYERS = queryKey('map.layers', {});

/**
 * Keeps the cached map data at the service's revision while the map is open: each `map.changed`
 * recolours the changed buildings in place (the layer restyles only those, the legend recounts),
 * missed ones are fetched with `map.changesSince`. A change made in another window gets a notice.
 * What else shows statuses refetches app-wide (api/events).
 */
export function useMapSync(data: MapLayers | undefined): void {
  const client = useQueryClient();
  const { message } = App.useApp();
  const t = useT();
  const [sync] = useState(
    () =>
      new MapSync({
        read: () => client.getQueryData<MapLayers>(LAYERS),
        write: (next) => client.setQueryData(LAYERS, next),
        reload: () => void client.refetchQueries({ queryKey: LAYERS, exact: true }, { cancelRefetch: false }),
        since: (revision) => call('map.changesSince', { revision }),
      }),
  );

  useApiEvent('map.changed', (delta) => {
    const changed = sync.receive(delta);
    if (changed === 0) return;
    ownChanges.classify(delta.batchId, (own) => {
      if (!own) void message.info({ content: t('map.updated', { count: changed }), key: 'status-updates' });
    });
  });
  useApiEvent('events.resumed', () => void sync.catchUp());

  // Cached data from an earlier visit may have missed changes made while the map was closed.
  useEffect(() => {
    if (client.getQueryData(LAYERS)) void sync.catchUp();
  }, [client, sync]);
  useEffect(() => {
    if (data) sync.loaded();
  }, [sync, data]);
}
