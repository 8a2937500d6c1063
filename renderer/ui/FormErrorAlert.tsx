import { Alert } from 'antd';
import { useT } from '../i18n';
import { describeError } from './error-text';

/** A failed save that no form field can show: the service's message, in an Alert. */
export function FormErrorAlert({ error, testId, className }: { error: unknown; testId: string; className?: string }) {
  const t = useT();
  if (!error) return null;
  return <Alert type="error" showIcon className={className} title={describeError(error, t).message} data-testid={testId} />;
}
