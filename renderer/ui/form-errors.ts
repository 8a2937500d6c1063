import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';
import type { Translate } from '../i18n';

/** The form field the service blamed (`error.field`, a dotted path like `gridIds.3`), if the form has it. */
export function errorField(error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiCallError) || !error.field) return null;
  const name = error.field.split('.')[0] ?? '';
  return fields.includes(name) ? name : null;
}

/** The message to put under the field: an input check's own words, without 「字段「x」无效：」, which the place already says. */
function underField(error: ApiCallError, t: Translate): string {
  const { field, detail } = error.params;
  const own = typeof detail === 'string' ? detail : detail && typeof detail === 'object' ? (detail as Record<string, unknown>)[t.locale] : undefined;
  return field === error.field && typeof own === 'string' && own ? own : error.messageIn(t.locale);
}

/**
 * Shows the service's message under the field it blamed and returns true; returns false when
 * there is no such field, and the caller shows the message elsewhere (an Alert).
 */
export function showFieldError(form: FormInstance, error: unknown, fields: readonly string[], t: Translate): boolean {
  const name = errorField(error, fields);
  if (!name || !(error instanceof ApiCallError)) return false;
  // The other fields passed the form's own checks; a refusal of theirs from an earlier try is stale now.
  form.setFields(fields.map((f) => ({ name: f, errors: f === name ? [underField(error, t)] : [] })));
  form.scrollToField(name);
  return true;
}
