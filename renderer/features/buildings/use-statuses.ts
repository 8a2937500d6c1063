import { useCallback } from 'react';
import type { ControlStatus, StatusDefinition } from '../../../electron/api';
import { STATUS_ORDER, STATUS_STYLES } from '../../../maps/status';
import { useApiQuery } from '../../api/queries';
import { useLocale } from '../../i18n';

export interface StatusLook {
  label: string;
  color: string;
  /** Text on top of `color` with enough contrast. */
  textColor: string;
}

/** Black or white, whichever reads better on a #rrggbb background. */
export function textOn(color: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return '#ffffff';
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((h) => parseInt(h, 16) / 255) as [number, number, number];
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return luminance > 0.4 ? '#000000' : '#ffffff';
}

/** The four built-in statuses: what shows until the configured list has loaded (or when it cannot be read). */
const BUILT_IN: StatusDefinition[] = STATUS_ORDER.map((key, i) => ({
  key,
  label: STATUS_STYLES[key].zh,
  labelEn: STATUS_STYLES[key].en,
  color: STATUS_STYLES[key].color,
  rank: (STATUS_ORDER.length - 1 - i) * 10,
  retired: false,
}));

/** The configured status list (labels, colours, rank), most severe first; retired ones stay readable. */
export function useStatuses(): { data: StatusDefinition[]; configured: boolean } {
  const query = useApiQuery('statuses.list', {}, { staleTime: 5 * 60_000, retry: 1 });
  const data = query.data ? [...query.data].sort((a, b) => b.rank - a.rank) : BUILT_IN;
  return { data, configured: query.data !== undefined };
}

/** Label and colour of a status key in the current language; unknown keys show as themselves in grey. */
export function useStatusLook(): (key: ControlStatus) => StatusLook {
  const statuses = useStatuses();
  const [locale] = useLocale();
  const list = statuses.data;
  return useCallback(
    (key: ControlStatus) => {
      const def = list.find((s) => s.key === key);
      if (!def) return { label: key, color: '#8c8c8c', textColor: '#ffffff' };
      return { label: locale === 'en' ? def.labelEn : def.label, color: def.color, textColor: textOn(def.color) };
    },
    [list, locale],
  );
}
