import { SCREENING_NONE_COLOR, SCREENING_STEPS, UNKNOWN_STATUS_COLOR, screeningStep } from '../../../maps/status';
import type { StatusPaint } from './building-paint';
import { shade } from './geometry';
import type { StatusLook } from '../statuses/use-status-styles';

/** What each building is painted with: a code per building indexing a palette (last on top). */
export interface Colouring {
  palette: StatusPaint[];
  codes: Uint8Array;
}

const paint = (fill: string): StatusPaint => ({ fill, stroke: shade(fill, -0.35) });

/** Statuses: unknown keys grey at the bottom, then the configured ones from baseline to strictest. */
export function statusColouring(statuses: readonly string[], styles: readonly StatusLook[]): Colouring {
  const ordered = [...styles].sort((a, b) => a.rank - b.rank).slice(0, 254);
  const palette = [paint(UNKNOWN_STATUS_COLOR), ...ordered.map((s) => paint(s.color))];
  const code = new Map(ordered.map((s, i) => [s.key, i + 1]));
  const codes = new Uint8Array(statuses.length);
  for (let i = 0; i < statuses.length; i++) codes[i] = code.get(statuses[i] as string) ?? 0;
  return { palette, codes };
}

/** Screening progress: grey outside the round, then light → dark blue as the share grows. */
export function screeningColouring(shares: readonly (number | null)[], count: number): Colouring {
  const palette = [paint(SCREENING_NONE_COLOR), ...SCREENING_STEPS.map(paint)];
  const codes = new Uint8Array(count);
  for (let i = 0; i < count; i++) codes[i] = screeningStep(shares[i]) + 1;
  return { palette, codes };
}

export function samePalette(a: readonly StatusPaint[], b: readonly StatusPaint[]): boolean {
  return a.length === b.length && a.every((p, i) => p.fill === b[i]?.fill && p.stroke === b[i]?.stroke);
}
