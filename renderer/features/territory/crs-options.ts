import type { CrsChoice } from '../../../electron/api';
import type { Translate } from '../../i18n';

/** Every coordinate system the import takes, in the order offered: detection first, then degrees, then the 3-degree zones. */
export function crsOptions(t: Translate): { value: CrsChoice; label: string }[] {
  const zones: { value: CrsChoice; label: string }[] = [];
  for (let epsg = 4534; epsg <= 4554; epsg++) zones.push({ value: `epsg:${epsg}`, label: t('territory.crs.zone', { meridian: 75 + (epsg - 4534) * 3, epsg }) });
  for (let epsg = 4513; epsg <= 4533; epsg++) zones.push({ value: `epsg:${epsg}`, label: t('territory.crs.zoneNumbered', { zone: epsg - 4513 + 25, epsg }) });
  return [
    { value: 'auto', label: t('territory.crs.auto') },
    { value: 'wgs84', label: t('territory.crs.wgs84') },
    { value: 'cgcs2000', label: t('territory.crs.cgcs2000') },
    { value: 'gcj02', label: t('territory.crs.gcj02') },
    { value: 'bd09', label: t('territory.crs.bd09') },
    ...zones,
  ];
}
