/**
 * Building control statuses and the one colour scale the map and the charts share.
 *
 * The list of statuses is configured in the database (`status_definitions`); the four built
 * in below are its seed and the fallback while the list loads. Their colours step down in
 * lightness as the status gets more severe (green → yellow → orange → deep red), so they stay
 * apart for colour-blind viewers and in grayscale, and each is saturated enough to read on a
 * dark wall screen as well as on a light basemap.
 */
export type BuiltInStatus = 'sealed' | 'controlled' | 'precaution' | 'normal';

/** Most severe first: the order of legends, chart series and sorting. */
export const STATUS_ORDER: readonly BuiltInStatus[] = ['sealed', 'controlled', 'precaution', 'normal'];

export type StatusLocale = 'zh' | 'en' | (string & {});

export interface StatusStyle {
  color: string;
  /** Text drawn on top of `color` (labels, badges) with enough contrast. */
  textColor: string;
  zh: string;
  en: string;
  /** 0 is the baseline (正常); higher is stricter. */
  rank: number;
}

export const STATUS_STYLES: Readonly<Record<BuiltInStatus, StatusStyle>> = {
  sealed: { color: '#cf1322', textColor: '#ffffff', zh: '封控', en: 'Sealed', rank: 30 },
  controlled: { color: '#fa8c16', textColor: '#000000', zh: '管控', en: 'Controlled', rank: 20 },
  precaution: { color: '#fadb14', textColor: '#000000', zh: '防范', en: 'Precaution', rank: 10 },
  normal: { color: '#389e0d', textColor: '#ffffff', zh: '正常', en: 'Normal', rank: 0 },
};

/** A status key the configured list does not know (yet): painted grey, never guessed. */
export const UNKNOWN_STATUS_COLOR = '#8c8c8c';

/**
 * The red flag of a safe compound (放心楼院). It is drawn as a flag marker, never as a
 * fill, so it is not confused with the fill of a sealed building.
 */
export const SAFE_COMPOUND_FLAG_COLOR = '#f5222d';
export const SAFE_COMPOUND_LABEL = { zh: '放心楼院', en: 'Safe compound' } as const;

export function isControlStatus(value: unknown): value is BuiltInStatus {
  return typeof value === 'string' && (STATUS_ORDER as readonly string[]).includes(value);
}

/** The built-in style of a key, or undefined for a configured one. */
export function builtInStyle(key: string): StatusStyle | undefined {
  return isControlStatus(key) ? STATUS_STYLES[key] : undefined;
}

export function statusColor(status: string): string {
  return builtInStyle(status)?.color ?? UNKNOWN_STATUS_COLOR;
}

export function statusTextColor(status: string): string {
  return builtInStyle(status)?.textColor ?? textColorOn(statusColor(status));
}

/** `zh`, `zh-CN` and anything not English give the Chinese label; `en`, `en-US` the English. */
export function statusLabel(status: string, locale: StatusLocale = 'zh'): string {
  const style = builtInStyle(status);
  if (!style) return status;
  return locale.toLowerCase().startsWith('en') ? style.en : style.zh;
}

/** Black or white, whichever reads better on a #rrggbb background. */
export function textColorOn(color: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return '#ffffff';
  const lin = (h: string) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * lin(m[1] as string) + 0.7152 * lin(m[2] as string) + 0.0722 * lin(m[3] as string);
  return luminance > 0.4 ? '#000000' : '#ffffff';
}

/**
 * Screening progress (share of households done, 0–1) as a sequential light → dark blue scale
 * in `SCREENING_STEPS.length` steps; grey for buildings outside the round.
 */
export const SCREENING_STEPS: readonly string[] = ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];
export const SCREENING_NONE_COLOR = '#bfbfbf';

/** Index into `SCREENING_STEPS` of a share, or −1 for none. */
export function screeningStep(share: number | null | undefined): number {
  if (share === null || share === undefined || !Number.isFinite(share)) return -1;
  const n = SCREENING_STEPS.length;
  return Math.max(0, Math.min(n - 1, Math.floor(share * n)));
}

export function screeningColor(share: number | null | undefined): string {
  const step = screeningStep(share);
  return step < 0 ? SCREENING_NONE_COLOR : (SCREENING_STEPS[step] as string);
}
