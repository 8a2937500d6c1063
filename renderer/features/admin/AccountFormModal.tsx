import { Alert, App, Checkbox, Form, Input, Modal, Select } from 'antd';
import type { AccountInfo, Role } from '../../../electron/api';
import { useApiMutation, useMapLayers } from '../../api/queries';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { errorField, showFieldError } from '../../ui/form-errors';
import { newPasswordRules } from '../auth/password-rule';
import { ROLES, ROLE_LABEL } from '../auth/roles';
import { usernameRules } from '../auth/username-rule';
import { gridOptions } from './grid-options';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  gridIds: string[];
  seesPersonalData: boolean;
  password: string;
}

const FIELDS = ['username', 'displayName', 'role', 'gridIds', 'seesPersonalData', 'password'] as const;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** 新建账号 (no `account`) or 编辑 one: role, grids for 网格员, the personal-data grant for 数据专员. */
export function AccountFormModal({ account, onClose }: { account: AccountInfo | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const layers = useMapLayers();
  const done = (saved: AccountInfo, key: 'accounts.created' | 'accounts.updated') => {
    void message.success(t(key, { name: saved.displayName }));
    onClose();
  };
  const onError = (error: Error) => showFieldError(form, error, FIELDS, t);
  const create = useApiMutation('accounts.create', { onSuccess: (saved) => done(saved, 'accounts.created'), onError });
  const update = useApiMutation('accounts.update', { onSuccess: (saved) => done(saved, 'accounts.updated'), onError });
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const submit = (values: Values) => {
    const gridIds = values.role === 'grid_worker' ? (values.gridIds ?? []) : [];
    const seesPersonalData = values.role === 'analyst' ? !!values.seesPersonalData : false;
    if (!account) {
      const { username, displayName, role: r, password } = values;
      create.mutate({ username, displayName, role: r, gridIds, seesPersonalData, password });
      return;
    }
    // Only what changed: the audit log records exactly the fields sent.
    const change = {
      id: account.id,
      displayName: values.displayName !== account.displayName ? values.displayName : undefined,
      role: values.role !== account.role ? values.role : undefined,
      gridIds: sameSet(gridIds, account.gridIds) ? undefined : gridIds,
      seesPersonalData: seesPersonalData !== account.seesPersonalData ? seesPersonalData : undefined,
    };
    if (Object.values(change).filter((v) => v !== undefined).length === 1) onClose();
    else update.mutate(change);
  };

  const initial: Partial<Values> = account
    ? { ...account, gridIds: [...account.gridIds] }
    : { role: 'staff', gridIds: [], seesPersonalData: false };

  return (
    <Modal
      open
      title={account ? t('accounts.form.editTitle', { name: account.displayName }) : t('accounts.form.createTitle')}
      okText={account ? t('common.save') : t('accounts.form.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'account-form-submit' }}
      width={520}
    >
      <div data-testid="account-form">
        {error && errorField(error, FIELDS) === null ? (
          <Alert className="gd-admin-alert" type="error" showIcon data-testid="account-form-error" title={describeError(error, t).message} />
        ) : null}
        <Form<Values> form={form} name="account" layout="vertical" requiredMark={false} initialValues={initial} onFinish={submit}>
          <Form.Item label={t('auth.username')} name="username" rules={account ? [] : usernameRules(t)}>
            <Input autoComplete="off" disabled={!!account} data-testid="account-username" />
          </Form.Item>
          <Form.Item
            label={t('auth.displayName')}
            name="displayName"
            rules={[
              { required: true, whitespace: true, message: t('auth.displayNameRequired') },
              { max: 40, message: t('auth.displayNameLong') },
            ]}
          >
            <Input autoComplete="off" data-testid="account-display-name" />
          </Form.Item>
          <Form.Item label={t('accounts.form.role')} name="role" rules={[{ required: true, message: t('accounts.form.roleRequired') }]}>
            <Select data-testid="account-role" options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} />
          </Form.Item>
          {role === 'grid_worker' ? (
            <Form.Item
              label={t('accounts.form.grids')}
              name="gridIds"
              rules={[
                { required: true, type: 'array', min: 1, message: t('accounts.form.gridsRequired') },
                { type: 'array', max: 50, message: t('accounts.form.gridsMax') },
              ]}
            >
              <Select
                mode="multiple"
                data-testid="account-grids"
                placeholder={t('accounts.form.gridsPlaceholder')}
                loading={layers.isPending}
                options={gridOptions(layers.data)}
                optionFilterProp="label"
                allowClear
              />
            </Form.Item>
          ) : null}
          {role === 'analyst' ? (
            <Form.Item name="seesPersonalData" valuePropName="checked" extra={t('accounts.form.seesPersonalHelp')}>
              <Checkbox data-testid="account-sees-personal">{t('accounts.form.seesPersonal')}</Checkbox>
            </Form.Item>
          ) : null}
          {account ? null : (
            <Form.Item label={t('accounts.form.password')} name="password" extra={t('password.rule')} rules={newPasswordRules(t)}>
              <Input.Password autoComplete="new-password" data-testid="account-password" />
            </Form.Item>
          )}
        </Form>
      </div>
    </Modal>
  );
}
