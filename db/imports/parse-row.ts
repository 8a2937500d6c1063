import { z } from 'zod';
import type { FieldProblem, RowCheck } from './types';

const zhCN = z.locales.zhCN().localeError;

/**
 * Checks a row's value with a zod schema — the same schema the single-record form is checked with —
 * and turns its issues into per-field problems in Chinese (the schema's own messages first, zod's
 * Chinese locale for the rest), each saying what was written.
 */
export function parseRow<T>(schema: z.ZodType<T>, value: Record<string, unknown>, written: Record<string, string | undefined>): RowCheck<T> {
  const result = schema.safeParse(value, { error: zhCN });
  if (result.success) return { ok: true, value: result.data };
  const problems: FieldProblem[] = result.error.issues.map((issue) => {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
    const text = field ? written[field] : undefined;
    return { field, reason: text ? `${issue.message}（填写的是「${text}」）` : issue.message };
  });
  return { ok: false, problems };
}
