import type { AuthStatus } from '../../../electron/api';
import { useT } from '../../i18n';
import { ROLE_LABEL } from './roles';

/** On demo data only: which usernames to try, with their roles (never the password). */
export function DemoAccounts({ accounts }: { accounts: NonNullable<AuthStatus['demoAccounts']> }) {
  const t = useT();
  if (accounts.length === 0) return null;
  return (
    <aside className="gd-auth-demo" data-testid="demo-accounts">
      <span className="gd-auth-demo-title">{t('auth.demo.title')}</span>
      {t('auth.demo.text')}
      <div className="gd-auth-demo-list">
        {accounts.map((a) => (
          <span key={a.username} data-testid={`demo-account-${a.username}`}>
            <code>{a.username}</code>
            {t(ROLE_LABEL[a.role])}
          </span>
        ))}
      </div>
    </aside>
  );
}
