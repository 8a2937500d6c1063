import { Alert, App, Form, Modal } from 'antd';
import type { AccountInfo } from '../../../electron/api';
import { useApiMutation } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { errorField, showFieldError } from '../../ui/form-errors';
import { NewPasswordFields } from '../auth/NewPasswordFields';

interface Values {
  newPassword: string;
  confirm: string;
}

const FIELDS = ['newPassword'] as const;

/** 重置密码 of another account: the administrator sets a new password; the account is signed out. */
export function ResetPasswordModal({ account, onClose }: { account: AccountInfo; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const reset = useApiMutation('accounts.resetPassword');
  const submit = ({ newPassword }: Values) => {
    reset.mutate(
      { id: account.id, newPassword },
      {
        onSuccess: () => {
          void message.success(t('accounts.reset.done', { name: account.displayName }));
          onClose();
        },
        onError: (error) => showFieldError(form, error, FIELDS, t),
      },
    );
  };

  return (
    <Modal
      open
      title={t('accounts.reset.title', { name: account.displayName })}
      okText={t('accounts.reset.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okButtonProps={{ 'data-testid': 'reset-password-submit' }}
    >
      <div data-testid="reset-password-modal">
        <p className="gd-admin-note">{t('accounts.reset.text')}</p>
        {reset.isError && errorField(reset.error, FIELDS) === null ? (
          <Alert className="gd-admin-alert" type="error" showIcon data-testid="reset-password-error" title={describeError(reset.error, t).message} />
        ) : null}
        <Form<Values> form={form} name="reset-password" layout="vertical" requiredMark={false} onFinish={submit}>
          <NewPasswordFields testIdPrefix="reset-password" />
        </Form>
      </div>
    </Modal>
  );
}
