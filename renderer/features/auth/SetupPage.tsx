import { useState } from 'react';
import { Alert, App, Button, Form, Input } from 'antd';
import type { MethodResult } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { errorField, showFieldError } from '../../ui/form-errors';
import { AuthShell } from './AuthShell';
import { confirmPasswordRules, newPasswordRules } from './password-rule';
import { usernameRules } from './username-rule';
import { OfficeFields } from './OfficeFields';
import { SetupChoice, type SetupMode } from './SetupChoice';

export type SetupResult = MethodResult<'auth.setup'>;

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  office?: { name: string; code: string; city: string; district: string };
}

const FIELDS = ['username', 'displayName', 'password', 'office'] as const;

/**
 * First run: 试用演示数据 or 建立本街道, then the administrator (and for a real office its name,
 * code, city and district). The recovery code it returns is shown next, once. The demo street is
 * generated in a job started right after; a real office lands on the 辖区 page to import its files.
 */
export function SetupPage({ onDone }: { onDone: (result: SetupResult) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [mode, setMode] = useState<SetupMode | null>(null);
  const [form] = Form.useForm<SetupValues>();
  const seedDemo = useApiMutation('territory.seedDemo', {
    onSuccess: () => void message.info(t('setup.demo.started')),
    onError: (error) => void message.error(describeError(error, t).message),
  });
  const setup = useApiMutation('auth.setup', {
    onSuccess: (result) => {
      if (mode === 'demo') seedDemo.mutate({});
      else window.location.hash = '#/territory';
      onDone(result);
    },
  });
  const submit = ({ username, displayName, password, office }: SetupValues) => {
    setup.mutate({ username, displayName, password, ...(mode === 'office' && office ? { office } : {}) }, { onError: (error) => showFieldError(form, error, FIELDS, t) });
  };

  if (!mode) return <SetupChoice onChoose={setMode} />;
  return (
    <AuthShell title={t('auth.setup.title')} subtitle={t('auth.setup.subtitle')} testId="setup-page">
      <Form<SetupValues> form={form} name="setup" layout="vertical" requiredMark={false} data-testid="setup-form" onFinish={submit}>
        {setup.isError && errorField(setup.error, FIELDS) === null ? (
          <Alert className="gd-auth-alert" type="error" showIcon data-testid="setup-error" title={describeError(setup.error, t).message} />
        ) : null}
        {mode === 'office' ? <OfficeFields /> : null}
        <Form.Item label={t('auth.username')} name="username" rules={usernameRules(t)}>
          <Input autoComplete="username" autoFocus={mode === 'demo'} data-testid="setup-username" />
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
          <Button type="link" block onClick={() => setMode(null)} data-testid="setup-back">
            {t('setup.choice.back')}
          </Button>
        </Form.Item>
      </Form>
    </AuthShell>
  );
}
