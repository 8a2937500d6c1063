import type { FormRule } from 'antd';
import type { Translate } from '../../i18n';

/** The service's rule (db/auth/accounts.ts USERNAME_RE). */
export const USERNAME_RE = /^[a-z][a-z0-9_.-]{2,31}$/;

export function usernameRules(t: Translate): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('auth.usernameRequired') },
    { pattern: USERNAME_RE, message: t('auth.usernameRule') },
  ];
}
