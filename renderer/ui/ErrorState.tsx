import { Alert, Button, Result } from 'antd';
import { useT } from '../i18n';
import { describeError } from './error-text';

interface Props {
  error: unknown;
  onRetry?: () => void;
  /** A compact Alert (inside panels) instead of a full-page Result. */
  compact?: boolean;
  testId?: string;
}

/** Says what went wrong (the service's Chinese message) and what to do. */
export function ErrorState({ error, onRetry, compact = false, testId = 'error' }: Props) {
  const t = useT();
  const { message, hint } = describeError(error, t);
  const retry = onRetry ? (
    <Button type="primary" onClick={onRetry} data-testid={`${testId}-retry`}>
      {t('error.retry')}
    </Button>
  ) : null;
  if (compact) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid={testId}
        title={message}
        description={hint ?? undefined}
        action={retry}
      />
    );
  }
  return (
    <div className="gd-state" data-testid={testId}>
      <Result
        status="error"
        title={t('error.title')}
        subTitle={
          <>
            <div data-testid={`${testId}-message`}>{message}</div>
            {hint ? <div>{hint}</div> : null}
          </>
        }
        extra={retry}
      />
    </div>
  );
}
