/**
 * Building control statuses and the one colour scale the map and the charts share.
 *
 * The colours step down in lightness as the status gets more severe (green → yellow →
 * orange → deep red), so they stay apart for colour-blind viewers and in grayscale, and
 * each is saturated enough to read on a dark wall screen as well as on a light basemap.
 */
export type ControlStatus = 'sealed' | 'controlled' | 'precaution' | 'normal';

/** Most severe first: the order of legends, chart series and sorting. */
export const STATUS_ORDER: readonly ControlStatus[] = ['sealed', 'controlled', 'precaution', 'normal'];

export type StatusLocale = 'zh' | 'en' | (string & {});

interface StatusStyle {
  color: string;
  /** Text drawn on top of `color` (labels, badges) with enough contrast. */
  textColor: string;
  zh: string;
  en: string;
}

export const STATUS_STYLES: Readonly<Record<ControlStatus, StatusStyle>> = {
  sealed: { color: '#cf1322', textColor: '#ffffff', zh: '封控', en: 'Sealed' },
  controlled: { color: '#fa8c16', textColor: '#000000', zh: '管控', en: 'Controlled' },
  precaution: { color: '#fadb14', textColor: '#000000', zh: '防范', en: 'Precaution' },
  normal: { color: '#389e0d', textColor: '#ffffff', zh: '正常', en: 'Normal' },
};

/**
 * The red flag of a safe compound (放心楼院). It is drawn as a flag marker, never as a
 * fill, so it is not confused with the fill of a sealed building.
 */
export const SAFE_COMPOUND_FLAG_COLOR = '#f5222d';
export const SAFE_COMPOUND_LABEL = { zh: '放心楼院', en: 'Safe compound' } as const;

export function isControlStatus(value: unknown): value is ControlStatus {
  return typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value);
}

export function statusColor(status: ControlStatus): string {
  return STATUS_STYLES[status].color;
}

export function statusTextColor(status: ControlStatus): string {
  return STATUS_STYLES[status].textColor;
}

/** `zh`, `zh-CN` and anything not English give the Chinese label; `en`, `en-US` the English. */
export function statusLabel(status: ControlStatus, locale: StatusLocale = 'zh'): string {
  return locale.toLowerCase().startsWith('en') ? STATUS_STYLES[status].en : STATUS_STYLES[status].zh;
}
