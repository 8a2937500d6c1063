import type { Rule } from 'antd/es/form';
import { textLength } from '../../electron/api';

/**
 * A text box's counter of at most `max` characters, counted as the services count them (an emoji
 * is one). Typing past the limit is kept and shown in red, never cut off without a word.
 */
export function textCount(max: number) {
  return { max, show: true, strategy: textLength };
}

/** The form rule of the same limit: refuses with `message` instead of dropping what was typed. */
export function textLimitRule(max: number, message: string): Rule {
  return {
    validator: (_: unknown, value: unknown) =>
      typeof value === 'string' && textLength(value.trim()) > max ? Promise.reject(new Error(message)) : Promise.resolve(),
  };
}

/** True when `value` is longer than `max` characters. */
export function overLimit(value: string, max: number): boolean {
  return textLength(value.trim()) > max;
}
