import { useCallback, useMemo } from 'react';
import type { MapLayers } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useStatusStyles } from '../statuses/use-status-styles';
import { screeningColouring, statusColouring } from './colouring';

/**
 * How the buildings are painted: their statuses now, as of a past moment (`asOf`), or the
 * progress of a screening round (`roundId`); and the statuses the legend counts.
 */
export function useMapColouring(buildings: MapLayers['buildings'] | undefined, asOf: number | null, roundId: string | null) {
  const styles = useStatusStyles();
  const asOfQuery = useApiQuery('map.statusAsOf', { at: asOf ?? 0 }, { enabled: asOf !== null });
  const progress = useApiQuery('screening.progress', { roundId: roundId ?? '' }, { enabled: roundId !== null });

  const count = buildings?.ids.length ?? 0;
  const pastStatuses = asOf !== null && asOfQuery.data?.statuses.length === count ? asOfQuery.data.statuses : null;
  const shownStatuses = pastStatuses ?? buildings?.statuses;
  const shares = roundId !== null && progress.data?.buildingShare.length === count ? progress.data.buildingShare : null;
  const colouring = useMemo(() => {
    if (!shownStatuses) return null;
    return shares ? screeningColouring(shares, count) : statusColouring(shownStatuses, styles.list);
  }, [shownStatuses, shares, count, styles.list]);

  return { colouring, shownStatuses, pastStatuses, asOfQuery, progress };
}

/** The current status of a building by id, from the map's data. */
export function useCurrentStatus(buildings: MapLayers['buildings'] | undefined): (id: string) => string | undefined {
  const ids = buildings?.ids;
  const statuses = buildings?.statuses;
  const indexOf = useMemo(() => new Map((ids ?? []).map((id, i) => [id, i])), [ids]);
  return useCallback(
    (id: string) => {
      const i = indexOf.get(id);
      return i === undefined ? undefined : statuses?.[i];
    },
    [indexOf, statuses],
  );
}
