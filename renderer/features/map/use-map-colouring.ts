import { useCallback, useMemo } from 'react';
import type { MapLayers } from '../../../electron/api';
import { useApiQuery } from '../../api/queries';
import { useStatusStyles } from '../statuses/use-status-styles';
import { screeningColouring, statusColouring } from './colouring';
import { alignById, buildingIndex } from './map-delta';

/** The as-of status of a building the answer does not have (removed since the map loaded): painted grey. */
const UNKNOWN = '';

/**
 * How the buildings are painted: their statuses now, as of a past moment (`asOf`), or the
 * progress of a screening round (`roundId`); and the statuses the legend counts. The as-of and
 * screening answers are by building id, laid out in the map's order here.
 */
export function useMapColouring(buildings: MapLayers['buildings'] | undefined, asOf: number | null, roundId: string | null) {
  const styles = useStatusStyles();
  const asOfQuery = useApiQuery('map.statusAsOf', { at: asOf ?? 0 }, { enabled: asOf !== null });
  const progress = useApiQuery('screening.progress', { roundId: roundId ?? '' }, { enabled: roundId !== null });

  const ids = buildings?.ids;
  const count = ids?.length ?? 0;
  const past = asOf !== null ? asOfQuery.data?.statuses : undefined;
  const pastStatuses = useMemo(() => (ids && past ? alignById(ids, past, UNKNOWN) : null), [ids, past]);
  const shownStatuses = pastStatuses ?? buildings?.statuses;
  const byId = roundId !== null ? progress.data?.buildingShare : undefined;
  const shares = useMemo(() => (ids && byId ? alignById(ids, byId, null) : null), [ids, byId]);
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
  return useCallback(
    (id: string) => {
      const i = ids ? buildingIndex(ids).get(id) : undefined;
      return i === undefined ? undefined : statuses?.[i];
    },
    [ids, statuses],
  );
}
