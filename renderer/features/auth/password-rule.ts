import type { FormRule as Rule } from 'antd';
import type { Translate } from '../../i18n';

/** The service's rule (db/auth/accounts.ts): at least 8 characters, two of letters/digits/symbols. */
export function passwordProblem(password: string): 'short' | 'long' | 'classes' | null {
  if (password.length < 8) return 'short';
  if (password.length > 256) return 'long';
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z\d]/].filter((re) => re.test(password)).length;
  return classes < 2 ? 'classes' : null;
}

/** Form rules of a new password: required, and strong enough. */
export function newPasswordRules(t: Translate): Rule[] {
  return [
    { required: true, message: t('password.required') },
    {
      validator: (_rule, value: unknown) => {
        const problem = typeof value === 'string' && value ? passwordProblem(value) : null;
        if (!problem) return Promise.resolve();
        return Promise.reject(new Error(t(`password.${problem}`)));
      },
    },
  ];
}

/** Form rules of "enter the new password again", compared with the field `of`. */
export function confirmPasswordRules(t: Translate, of: string): Rule[] {
  return [
    { required: true, message: t('password.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: (_rule, value: unknown) =>
        !value || getFieldValue(of) === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
    }),
  ];
}
