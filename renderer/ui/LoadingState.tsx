import { Spin } from 'antd';

/** A centred spinner with a sentence saying what is being loaded. */
export function LoadingState({ text, testId = 'loading' }: { text: string; testId?: string }) {
  return (
    <div className="gd-state" data-testid={testId} role="status" aria-live="polite">
      <Spin size="large" />
      <div className="gd-state-text">{text}</div>
    </div>
  );
}
