/**
 * Dates and numbers are written the zh-CN way in both languages (the office's convention):
 * 2024/03/01 08:30, 12,345.
 */
const NUMBER = new Intl.NumberFormat('zh-CN');
const DATE_TIME = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const DATE = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

export function formatDateTime(ms: number): string {
  return DATE_TIME.format(new Date(ms));
}

export function formatDate(ms: number): string {
  return DATE.format(new Date(ms));
}

/** Whole days, hours or minutes from `from` to `now`, largest unit that is at least 1. */
export function elapsed(from: number, now: number): { unit: 'days' | 'hours' | 'minutes'; n: number } {
  const minutes = Math.max(0, Math.floor((now - from) / 60_000));
  if (minutes >= 24 * 60) return { unit: 'days', n: Math.floor(minutes / (24 * 60)) };
  if (minutes >= 60) return { unit: 'hours', n: Math.floor(minutes / 60) };
  return { unit: 'minutes', n: minutes };
}

const DATE_TIME_SECONDS = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** 2024/03/01 08:30:05: for logs, where the second matters. */
export function formatDateTimeSeconds(ms: number): string {
  return DATE_TIME_SECONDS.format(new Date(ms));
}
