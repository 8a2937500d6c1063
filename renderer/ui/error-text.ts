import { ApiCallError, NoApiError } from '../api/client';
import type { Translate } from '../i18n';

/** What to tell the user about a failed call: what went wrong, and what to do next. */
export function describeError(error: unknown, t: Translate): { message: string; hint: string | null } {
  if (error instanceof ApiCallError) {
    // The services write their messages in Chinese, with what to do already in them.
    const hint =
      error.code === 'UNAUTHENTICATED'
        ? t('error.unauthenticated')
        : error.field
          ? t('error.field', { field: error.field })
          : null;
    return { message: error.message, hint };
  }
  if (error instanceof NoApiError) return { message: t('error.noApi'), hint: null };
  if (error instanceof TypeError) return { message: t('error.network'), hint: null };
  const text = error instanceof Error ? error.message : String(error);
  return { message: t('error.unexpected', { message: text }), hint: null };
}
