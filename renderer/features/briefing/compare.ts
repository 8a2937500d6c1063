import type { BriefingFigure } from '../../../electron/api';
import { formatNumber } from '../../i18n/format';

export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function figureText(f: Pick<BriefingFigure, 'value' | 'format'>): string {
  return f.format === 'percent' ? percent(f.value) : formatNumber(f.value);
}

/** `+12`, `−3`, or for a share `+1.2 个百分点` written as points: `+1.2pt`; null when equal. */
export function deltaText(value: number, before: number, format: BriefingFigure['format'] = 'count'): string | null {
  const diff = value - before;
  if (format === 'percent') {
    const points = Math.round(diff * 1000) / 10;
    if (points === 0) return null;
    return `${points > 0 ? '+' : '−'}${Math.abs(points).toFixed(1)}pt`;
  }
  if (diff === 0) return null;
  return `${diff > 0 ? '+' : '−'}${formatNumber(Math.abs(diff))}`;
}

export function direction(value: number, before: number): 'up' | 'down' | 'same' {
  if (value > before) return 'up';
  return value < before ? 'down' : 'same';
}
