import type { NeedKind } from '../../../electron/api';

const COLORS: Record<NeedKind, string> = { shopping: 'gold', medicine: 'green', other: 'default' };

export function needKindColor(kind: NeedKind): string {
  return COLORS[kind];
}
