import { useMemo } from 'react';
import type { ControlStatus, StatusDefinition } from '../../../electron/api';
import { STATUS_ORDER, STATUS_STYLES, UNKNOWN_STATUS_COLOR, textColorOn } from '../../../maps/status';
import { useApiQuery } from '../../api/queries';
import { useLocale } from '../../i18n';

export interface StatusLook {
  key: ControlStatus;
  label: string;
  color: string;
  textColor: string;
  rank: number;
  retired: boolean;
  /** False for a key missing from the configured list (painted grey). */
  known: boolean;
}

export interface StatusStyles {
  /** Configured statuses, most severe first (retired ones included, for old records). */
  list: StatusLook[];
  /** Statuses that can be chosen now. */
  choosable: StatusLook[];
  look(key: ControlStatus): StatusLook;
}

const BUILT_IN: StatusDefinition[] = STATUS_ORDER.map((key) => {
  const s = STATUS_STYLES[key];
  return { key, label: s.zh, labelEn: s.en, color: s.color, rank: s.rank, retired: false };
});

export function useStatusDefinitions() {
  return useApiQuery('statuses.list', {}, { staleTime: 5 * 60_000 });
}

/** Colours and labels of the configured statuses, the built-in four while the list loads or fails. */
export function useStatusStyles(): StatusStyles {
  const defs = useStatusDefinitions();
  const [locale] = useLocale();
  const data = defs.data;
  return useMemo(() => {
    const source = data && data.length > 0 ? data : BUILT_IN;
    const en = locale === 'en';
    const list = [...source]
      .sort((a, b) => b.rank - a.rank || a.key.localeCompare(b.key))
      .map<StatusLook>((d) => ({
        key: d.key,
        label: en ? d.labelEn : d.label,
        color: d.color,
        textColor: textColorOn(d.color),
        rank: d.rank,
        retired: d.retired,
        known: true,
      }));
    const byKey = new Map(list.map((l) => [l.key, l]));
    return {
      list,
      choosable: list.filter((l) => !l.retired),
      look: (key) =>
        byKey.get(key) ?? { key, label: key, color: UNKNOWN_STATUS_COLOR, textColor: '#ffffff', rank: -1, retired: false, known: false },
    };
  }, [data, locale]);
}
