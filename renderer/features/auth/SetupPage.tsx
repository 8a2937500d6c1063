import { Alert, Button, Form, Input } from 'antd';
import type { MethodResult } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { errorField, showFieldError } from '../../ui/form-errors';
import { AuthShell } from './AuthShell';
import { confirmPasswordRules, newPasswordRules } from './password-rule';
import { usernameRules } from './username-rule';

export type SetupResult = MethodResult<'auth.setup'>;

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

const FIELDS = ['username', 'displayName', 'password'] as const;

/** First run: create the administrator. The recovery code it returns is shown next, once. */
export function SetupPage({ onDone }: { onDone: (result: SetupResult) => void }) {
  const t = useT();
  const [form] = Form.useForm<SetupValues>();
  const setup = useApiMutation('auth.setup', { onSuccess: onDone });
  const submit = ({ username, displayName, password }: SetupValues) => {
    setup.mutate({ username, displayName, password }, { onError: (error) => showFieldError(form, error, FIELDS, t) });
  };

  return (
    <AuthShell title={t('auth.setup.title')} subtitle={t('auth.setup.subtitle')} testId="setup-page">
      <Form<SetupValues> form={form} name="setup" layout="vertical" requiredMark={false} data-testid="setup-form" onFinish={submit}>
        {setup.isError && errorField(setup.error, FIELDS) === null ? (
          <Alert className="gd-auth-alert" type="error" showIcon data-testid="setup-error" title={describeError(setup.error, t).message} />
        ) : null}
        <Form.Item label={t('auth.username')} name="username" rules={usernameRules(t)}>
          <Input autoComplete="username" autoFocus data-testid="setup-username" />
        </Form.Item>
        <Form.Item
          label={t('auth.displayName')}
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: t('auth.displayNameRequired') },
            { max: 40, message: t('auth.displayNameLong') },
          ]}
        >
          <Input autoComplete="name" data-testid="setup-display-name" />
        </Form.Item>
        <Form.Item label={t('auth.password')} name="password" extra={t('password.rule')} rules={newPasswordRules(t)}>
          <Input.Password autoComplete="new-password" data-testid="setup-password" />
        </Form.Item>
        <Form.Item label={t('auth.confirmPassword')} name="confirm" dependencies={['password']} rules={confirmPasswordRules(t, 'password')}>
          <Input.Password autoComplete="new-password" data-testid="setup-confirm" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={setup.isPending} data-testid="setup-submit">
            {t('auth.setup.submit')}
          </Button>
        </Form.Item>
      </Form>
    </AuthShell>
  );
}
