import { useState } from 'react';
import { App, Avatar, Button, Dropdown, Tag, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { useT } from '../../i18n';
import { describeError } from '../../ui/error-text';
import { ChangePasswordModal } from './ChangePasswordModal';
import { ROLE_LABEL } from './roles';
import { useSessionUser } from './session';
import { useLock, useLogout } from './use-auth-actions';

/** Header: who is signed in (name, role), with 锁屏, 修改密码 and 退出登录. */
export function UserMenu() {
  const t = useT();
  const { message } = App.useApp();
  const user = useSessionUser();
  const logout = useLogout();
  const lock = useLock();
  const [changing, setChanging] = useState(false);

  const items: MenuProps['items'] = [
    {
      key: 'lock',
      icon: <LockOutlined />,
      label: <span data-testid="menu-lock">{t('user.lock')}</span>,
    },
    {
      key: 'change-password',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-change-password">{t('user.changePassword')}</span>,
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      danger: true,
      label: <span data-testid="menu-logout">{t('auth.logout')}</span>,
    },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'change-password') setChanging(true);
    if (key === 'lock') lock.mutate({}, { onError: (error) => void message.error(describeError(error, t).message) });
    if (key === 'logout') {
      logout.mutate(
        {},
        {
          onSuccess: () => void message.success(t('auth.loggedOut')),
          onError: (error) => void message.error(describeError(error, t).message),
        },
      );
    }
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          className="gd-user-button"
          data-testid="user-menu"
          aria-label={t('user.menu', { name: user.displayName })}
          loading={logout.isPending}
        >
          <Avatar size="small" className="gd-user-avatar">
            {user.displayName.slice(0, 1)}
          </Avatar>
          <span className="gd-user-name" data-testid="user-name">
            {user.displayName}
          </span>
          <Tag className="gd-user-role" data-testid="user-role">
            {t(ROLE_LABEL[user.role])}
          </Tag>
          <DownOutlined style={{ fontSize: 10 }} />
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
