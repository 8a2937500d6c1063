import { ApiCallError, NoApiError } from '../api/client';
import type { Translate } from '../i18n';

/** What to tell the user about a failed call: what went wrong, and what to do next. */
export function describeError(error: unknown, t: Translate): { message: string; hint: string | null } {
  if (error instanceof ApiCallError) {
    // The services' messages say what to do already; the catalog has them in both languages.
    const hint =
      error.code === 'UNAUTHENTICATED'
        ? t('error.unauthenticated')
        : error.field
          ? t('error.field', { field: error.field })
          : null;
    return { message: error.messageIn(t.locale), hint };
  }
  if (error instanceof NoApiError) return { message: t('error.noApi'), hint: null };
  if (error instanceof TypeError) return { message: t('error.network'), hint: null };
  const text = error instanceof Error ? error.message : String(error);
  return { message: t('error.unexpected', { message: text }), hint: null };
}
