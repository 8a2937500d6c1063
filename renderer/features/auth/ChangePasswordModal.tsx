import { Alert, App, Form, Input, Modal } from 'antd';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { errorField, showFieldError } from '../../ui/form-errors';
import { NewPasswordFields } from './NewPasswordFields';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['oldPassword', 'newPassword'] as const;

/** 修改密码: the current password, then the new one twice. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useApiMutation('auth.changePassword');
  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };
  const submit = ({ oldPassword, newPassword }: Values) => {
    change.mutate(
      { oldPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('user.changePassword.done'));
          close();
        },
        onError: (error) => showFieldError(form, error, FIELDS, t),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('user.changePassword')}
      okText={t('user.changePassword.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={change.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'change-password-submit' }}
    >
      <div data-testid="change-password-modal">
        {change.isError && errorField(change.error, FIELDS) === null ? (
          <Alert className="gd-auth-alert" type="error" showIcon data-testid="change-password-error" title={describeError(change.error, t).message} />
        ) : null}
        <Form<Values> form={form} name="change-password" layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item label={t('user.changePassword.old')} name="oldPassword" rules={[{ required: true, message: t('auth.passwordRequired') }]}>
            <Input.Password autoComplete="current-password" data-testid="change-password-old" />
          </Form.Item>
          <NewPasswordFields testIdPrefix="change-password" />
        </Form>
      </div>
    </Modal>
  );
}
