import { z } from 'zod';

/** A key of the configured status list: the built-in sealed/controlled/precaution/normal or one a city added. */
export const controlStatusSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,31}$/, '状态代码只能由小写字母、数字和下划线组成（2–32 位，字母开头）');
export type ControlStatus = string;

export const idSchema = z.string().uuid({ message: '不是有效的编号（UUID）' });

/** A moment in ms since the epoch. */
export const instantSchema = z.number().int().min(0, '时间不能早于 1970 年').max(8_640_000_000_000_000);

/**
 * How many characters a person sees in a text: code points, so an emoji (😷) is one, where
 * String.length counts two. Forms and services both count with this.
 */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Trimmed text of at most `max` characters, counted by `textLength`; `tooLong` is the refusal. */
export function limitedText(max: number, tooLong: string) {
  return z
    .string()
    .trim()
    .refine((s) => textLength(s) <= max, { message: tooLong });
}

/** A reason written by a person: trimmed, 2–200 characters. */
export const reasonSchema = limitedText(200, '原因最多 200 个字').refine((s) => textLength(s) >= 2, { message: '请填写原因（至少 2 个字）' });

/** [lng, lat] pairs, WGS-84. */
export type Ring = [number, number][];

/** [[south, west], [north, east]], WGS-84: a box the map fits into view. */
export type LatLngBounds = [[number, number], [number, number]];

/** One page of a list, and how many rows match in all. */
export interface PagedResult<T> {
  rows: T[];
  total: number;
}

/**
 * The client's id for one intended change, sent beside a mutation's input (not in it): a retry
 * with the same id is answered with the first result instead of changing anything twice.
 */
export const requestIdSchema = z.string().regex(/^[\w-]{8,100}$/);
