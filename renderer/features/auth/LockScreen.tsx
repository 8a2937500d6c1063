import { Alert, Avatar, Button, Form, Input, Tag } from 'antd';
import { LockFilled } from '@ant-design/icons';
import type { SessionUser } from '../../../electron/api';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { ROLE_LABEL } from './roles';
import { useLogout, useUnlock } from './use-auth-actions';

/** The session went idle: the app stays behind a blur until the same user's password is given. */
export function LockScreen({ user, idleMinutes }: { user: SessionUser; idleMinutes: number }) {
  const t = useT();
  const [form] = Form.useForm<{ password: string }>();
  const unlock = useUnlock();
  const logout = useLogout();
  const error = unlock.error ?? logout.error;

  return (
    <div className="gd-lock" data-testid="lock-screen" role="dialog" aria-modal="true" aria-labelledby="gd-lock-title">
      <div className="gd-lock-card">
        <LockFilled className="gd-lock-icon" aria-hidden="true" />
        <h1 className="gd-auth-title" id="gd-lock-title">
          {t('auth.lock.title')}
        </h1>
        <div className="gd-lock-user" data-testid="lock-user">
          <Avatar className="gd-user-avatar">{user.displayName.slice(0, 1)}</Avatar>
          <span className="gd-lock-name">{user.displayName}</span>
          <Tag>{t(ROLE_LABEL[user.role])}</Tag>
        </div>
        <div className="gd-lock-text">{t('auth.lock.text', { minutes: idleMinutes })}</div>
        {error ? (
          <Alert className="gd-auth-alert" type="error" showIcon data-testid="unlock-error" title={describeError(error, t).message} />
        ) : null}
        <Form
          form={form}
          name="unlock"
          layout="vertical"
          requiredMark={false}
          onFinish={({ password }) => unlock.mutate({ password }, { onError: () => form.setFieldValue('password', '') })}
          onValuesChange={() => unlock.error && unlock.reset()}
        >
          <Form.Item label={t('auth.password')} name="password" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" autoFocus data-testid="unlock-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={unlock.isPending} data-testid="unlock-submit">
            {t('auth.lock.unlock')}
          </Button>
          <Button
            type="link"
            block
            loading={logout.isPending}
            onClick={() => logout.mutate({})}
            data-testid="lock-logout"
            style={{ marginTop: 8 }}
          >
            {t('auth.logout')}
          </Button>
        </Form>
      </div>
    </div>
  );
}
