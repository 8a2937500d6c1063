import { useState, type ReactNode } from 'react';
import { useAuthStatusQuery } from '../../api/queries';
import { useT } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { LockScreen } from './LockScreen';
import { LoginPage } from './LoginPage';
import { RecoveryCodeStep } from './RecoveryCodeStep';
import { SessionProvider } from './session';
import { SetupPage, type SetupResult } from './SetupPage';
import { useApplyStatus } from './use-auth-actions';
import './auth.css';

/**
 * The app shell is shown only to a signed-in user. `auth.status` decides: first-run setup,
 * login, the lock screen over the blurred app, or the app itself.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const t = useT();
  const status = useAuthStatusQuery();
  const apply = useApplyStatus();
  // Held here, not in the setup page: a refetch of auth.status (now signed in) must not
  // take the recovery code off the screen before it has been written down.
  const [setupResult, setSetupResult] = useState<SetupResult | null>(null);

  if (setupResult) {
    const done = () => {
      apply(setupResult.status, 'fresh');
      setSetupResult(null);
    };
    return <RecoveryCodeStep code={setupResult.recoveryCode} onContinue={done} />;
  }
  if (status.isPending) return <LoadingState text={t('auth.checking')} testId="auth-loading" />;
  if (status.isError && !status.data) {
    return <ErrorState error={status.error} onRetry={() => void status.refetch()} testId="auth-error" />;
  }

  const { state, user, idleMinutes } = status.data;
  if (state === 'setup-required') return <SetupPage onDone={setSetupResult} />;
  if (state === 'signed-out' || !user) return <LoginPage status={status.data} />;
  const locked = state === 'locked';
  return (
    <SessionProvider user={user}>
      <div
        key={user.id}
        className={locked ? 'gd-session gd-session-locked' : 'gd-session'}
        data-testid="session"
        data-state={state}
        inert={locked}
        aria-hidden={locked || undefined}
      >
        {children}
      </div>
      {locked ? <LockScreen user={user} idleMinutes={idleMinutes} /> : null}
    </SessionProvider>
  );
}
