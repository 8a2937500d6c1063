import type { HTMLAttributes } from 'react';

/** `data-testid` for Table `onRow`, whose props type does not declare data-* attributes (React passes them on). */
export function testId(id: string): HTMLAttributes<HTMLElement> {
  const attrs: Record<string, string> = { 'data-testid': id };
  return attrs;
}
