import type { ReactNode } from 'react';
import { formatNumber } from '../../i18n/format';

interface Props {
  value: number;
  label: ReactNode;
  /** Where the figure leads: the list or the map behind it. */
  href?: string;
  /** Instead of a link: what clicking it does on this page (shows the list behind it here). */
  onClick?: () => void;
  active?: boolean;
  tone?: 'default' | 'alert';
  testId: string;
}

/** A figure of the overview: a number and what it counts, opening what is behind it. */
export function Figure({ value, label, href, onClick, active, tone = 'default', testId }: Props) {
  const className = `gd-ov-figure gd-ov-figure-${tone}${active ? ' gd-ov-figure-active' : ''}`;
  const body = (
    <>
      <span className="gd-ov-figure-value">{formatNumber(value)}</span>
      <span className="gd-ov-figure-label">{label}</span>
    </>
  );
  if (href) {
    return (
      <a className={className} href={href} data-testid={testId} data-value={value}>
        {body}
      </a>
    );
  }
  return (
    <button type="button" className={className} onClick={onClick} aria-pressed={active} data-testid={testId} data-value={value}>
      {body}
    </button>
  );
}
