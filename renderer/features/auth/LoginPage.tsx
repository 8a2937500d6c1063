import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { AuthStatus } from '../../../electron/api';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { AuthShell } from './AuthShell';
import { DemoAccounts } from './DemoAccounts';
import { RecoverForm } from './RecoverForm';
import { useLogin } from './use-auth-actions';

interface LoginValues {
  username: string;
  password: string;
}

function LoginForm({ onForgot }: { onForgot: () => void }) {
  const t = useT();
  const [form] = Form.useForm<LoginValues>();
  const login = useLogin();
  const submit = (values: LoginValues) => {
    login.mutate(values, {
      // Keep the username: a wrong password is the usual mistake.
      onError: () => form.setFieldValue('password', ''),
    });
  };

  return (
    <Form<LoginValues>
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      data-testid="login-form"
      onFinish={submit}
      onValuesChange={() => login.error && login.reset()}
    >
      {login.isError ? (
        <Alert
          className="gd-auth-alert"
          type="error"
          showIcon
          data-testid="login-error"
          title={describeError(login.error, t).message}
        />
      ) : null}
      <Form.Item label={t('auth.username')} name="username" rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
      </Form.Item>
      <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Form.Item>
      <div className="gd-auth-links">
        <Button type="link" size="small" onClick={onForgot} data-testid="forgot-password">
          {t('auth.login.forgot')}
        </Button>
      </div>
    </Form>
  );
}

/** Signed out: the login form, or the recovery-code form behind 忘记密码. */
export function LoginPage({ status }: { status: AuthStatus }) {
  const t = useT();
  const [recovering, setRecovering] = useState(false);
  const footer = status.demoAccounts ? <DemoAccounts accounts={status.demoAccounts} /> : null;
  if (recovering) {
    return (
      <AuthShell title={t('auth.recover.title')} subtitle={t('auth.recover.subtitle')} testId="recover-page">
        <RecoverForm onBack={() => setRecovering(false)} />
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t('auth.login.title')} subtitle={t('auth.login.subtitle')} testId="login-page" footer={footer}>
      <LoginForm onForgot={() => setRecovering(true)} />
    </AuthShell>
  );
}
