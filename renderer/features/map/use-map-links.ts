import { useEffect } from 'react';
import { replaceHash, useHashLocation } from '../../app/use-hash-route';
import type { LatLngBounds } from '../../../electron/api';
import type { BuildingLayer } from './building-layer';
import { readFitParam } from './map-href';

interface Targets {
  layer: BuildingLayer | null;
  ready: boolean;
  openBuilding(id: string): void;
  showScreeningRound(id: string): void;
  fitArea(bounds: LatLngBounds): void;
}

/**
 * Links into the map: `#/map?building=<id>` (reminders, the building page) opens the building's
 * panel and brings it into view; `#/map?layer=screening&round=<id>` (入户摸排) colours the
 * buildings by that round's progress; `#/map?fit=s,w,n,e` (search, 总览) fits an area into view. The hash is
 * then put back to `#/map`.
 */
export function useMapLinks({ layer, ready, openBuilding, showScreeningRound, fitArea }: Targets): void {
  const query = useHashLocation().query;
  const building = query.get('building');
  const fit = query.get('fit');
  const round = query.get('layer') === 'screening' ? query.get('round') : null;

  useEffect(() => {
    if (!building || !layer || !ready) return;
    openBuilding(building);
    layer.focus(building);
    replaceHash('map');
  }, [building, layer, ready, openBuilding]);

  useEffect(() => {
    if (!round) return;
    showScreeningRound(round);
    if (!building) replaceHash('map');
  }, [round, building, showScreeningRound]);

  useEffect(() => {
    if (!fit || !ready) return;
    const bounds = readFitParam(fit);
    if (bounds) fitArea(bounds);
    replaceHash('map');
  }, [fit, ready, fitArea]);
}
