import { Form, Input } from 'antd';
import { useT } from '../../i18n';
import { confirmPasswordRules, newPasswordRules } from './password-rule';

/** "New password" and "again", with the strength rule: shared by every form that sets one. */
export function NewPasswordFields({ testIdPrefix }: { testIdPrefix: string }) {
  const t = useT();
  return (
    <>
      <Form.Item label={t('user.changePassword.new')} name="newPassword" extra={t('password.rule')} rules={newPasswordRules(t)}>
        <Input.Password autoComplete="new-password" data-testid={`${testIdPrefix}-new`} />
      </Form.Item>
      <Form.Item label={t('user.changePassword.confirm')} name="confirm" dependencies={['newPassword']} rules={confirmPasswordRules(t, 'newPassword')}>
        <Input.Password autoComplete="new-password" data-testid={`${testIdPrefix}-confirm`} />
      </Form.Item>
    </>
  );
}
