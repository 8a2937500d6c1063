import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import './auth.css';

interface Props {
  title: string;
  subtitle?: string;
  testId: string;
  children: ReactNode;
  /** Below the card (the demo accounts note). */
  footer?: ReactNode;
}

/** The pages before the app: brand, a card with the form, the language switch. */
export function AuthShell({ title, subtitle, testId, children, footer }: Props) {
  const t = useT();
  return (
    <main className="gd-auth" data-testid={testId}>
      <div className="gd-auth-lang">
        <LanguageSwitch />
      </div>
      <div className="gd-auth-column">
        <div className="gd-auth-brand">
          <div className="gd-brand-mark" aria-hidden="true">
            格
          </div>
          <div>
            <div className="gd-auth-brand-name">{t('app.name')}</div>
            <div className="gd-auth-brand-sub">{t('app.subtitle')}</div>
          </div>
        </div>
        {/* No aria-labelledby: the title (用恢复码重置密码) would also match getByLabel('恢复码'). */}
        <section className="gd-auth-card">
          <h1 className="gd-auth-title">{title}</h1>
          {subtitle ? <p className="gd-auth-subtitle">{subtitle}</p> : null}
          {children}
        </section>
        {footer}
      </div>
    </main>
  );
}
