import { Alert, App, Button, Form, Input } from 'antd';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { errorField, showFieldError } from '../../ui/form-errors';
import { confirmPasswordRules, newPasswordRules } from './password-rule';
import { useRecover } from './use-auth-actions';

interface RecoverValues {
  recoveryCode: string;
  username: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['recoveryCode', 'username', 'newPassword'] as const;

/** 忘记密码: the recovery code from setup sets a new administrator password (and signs in). */
export function RecoverForm({ onBack }: { onBack: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecoverValues>();
  const recover = useRecover();
  const submit = ({ recoveryCode, username, newPassword }: RecoverValues) => {
    recover.mutate(
      { recoveryCode, username, newPassword },
      { onSuccess: () => void message.success(t('auth.recover.done')), onError: (error) => showFieldError(form, error, FIELDS, t) },
    );
  };
  const fieldShown = errorField(recover.error, FIELDS) !== null;

  return (
    <Form<RecoverValues> form={form} name="recover" layout="vertical" requiredMark={false} data-testid="recover-form" onFinish={submit}>
      {recover.isError && !fieldShown ? (
        <Alert className="gd-auth-alert" type="error" showIcon data-testid="recover-error" title={describeError(recover.error, t).message} />
      ) : null}
      <Form.Item
        label={t('auth.recover.code')}
        name="recoveryCode"
        rules={[
          { required: true, whitespace: true, message: t('auth.recover.codeRequired') },
          { min: 20, message: t('auth.recover.codeShort') },
        ]}
      >
        <Input className="gd-mono-input" autoComplete="off" spellCheck={false} autoFocus data-testid="recover-code" />
      </Form.Item>
      <Form.Item label={t('auth.recover.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
        <Input autoComplete="username" data-testid="recover-username" />
      </Form.Item>
      <Form.Item label={t('auth.recover.newPassword')} name="newPassword" extra={t('password.rule')} rules={newPasswordRules(t)}>
        <Input.Password autoComplete="new-password" data-testid="recover-password" />
      </Form.Item>
      <Form.Item label={t('auth.confirmPassword')} name="confirm" dependencies={['newPassword']} rules={confirmPasswordRules(t, 'newPassword')}>
        <Input.Password autoComplete="new-password" data-testid="recover-confirm" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={recover.isPending} data-testid="recover-submit">
          {t('auth.recover.submit')}
        </Button>
      </Form.Item>
      <div className="gd-auth-links">
        <Button type="link" size="small" onClick={onBack} data-testid="recover-back">
          {t('auth.recover.back')}
        </Button>
      </div>
    </Form>
  );
}
