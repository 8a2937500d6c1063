import { useApiQuery } from '../../api/queries';
import { GeneratedBasemap } from './GeneratedBasemap';
import { ImportedBasemapLayer } from './ImportedBasemapLayer';
import { TiandituLayer } from './TiandituLayer';

/**
 * What lies under the street: the office's imported basemap (PMTiles or MBTiles, served by the
 * app itself), else 天地图 online with the office's key, else the generated basemap (the demo's).
 */
export function BasemapLayer() {
  const info = useApiQuery('basemap.info', {}, { staleTime: Infinity });
  // A caller that may not ask (a wall display) keeps the generated basemap.
  if (info.isError) return <GeneratedBasemap />;
  if (!info.data) return null;
  if (info.data.imported) return <ImportedBasemapLayer basemap={info.data.imported} />;
  if (info.data.tianditu) return <TiandituLayer />;
  return <GeneratedBasemap />;
}
