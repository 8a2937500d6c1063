import dayjs from 'dayjs';

/** How a report's day is written in the address and sent to the service: 2026-12-02 (local time). */
export const REPORT_DATE_FORMAT = 'YYYY-MM-DD';

/** A day after `today` (the service's, which may be in another time zone than the window). */
export function isFutureDay(day: dayjs.Dayjs, today: string): boolean {
  return day.isAfter(dayjs(today, REPORT_DATE_FORMAT), 'day');
}

const LONG_DATE = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric' });
const TIME = new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hour12: false });

/** 2026年12月2日 for 2026-12-02: the way an official report writes its date, in both languages (the office's convention). */
export function longDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return LONG_DATE.format(new Date(y, m - 1, d));
}

export function timeOfDay(ms: number): string {
  return TIME.format(new Date(ms));
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A section's number: 「一、」 in Chinese, 「1. 」 in English. */
export function sectionNumber(index: number, locale: string): string {
  return locale === 'zh-CN' ? `${NUMERALS[index] ?? index + 1}、` : `${index + 1}. `;
}
