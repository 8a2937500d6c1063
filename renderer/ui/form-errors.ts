import type { FormInstance } from 'antd';
import { ApiCallError } from '../api/client';
import type { Translate } from '../i18n';

/** The form field the service blamed (`error.field`, a dotted path like `gridIds.3`), if the form has it. */
export function errorField(error: unknown, fields: readonly string[]): string | null {
  if (!(error instanceof ApiCallError) || !error.field) return null;
  const name = error.field.split('.')[0] ?? '';
  return fields.includes(name) ? name : null;
}

/**
 * Shows the service's message under the field it blamed and returns true; returns false when
 * there is no such field, and the caller shows the message elsewhere (an Alert).
 */
export function showFieldError(form: FormInstance, error: unknown, fields: readonly string[], t: Translate): boolean {
  const name = errorField(error, fields);
  if (!name || !(error instanceof ApiCallError)) return false;
  form.setFields([{ name, errors: [error.messageIn(t.locale)] }]);
  form.scrollToField(name);
  return true;
}
