import type { ParsedInput, ScreeningRound } from '../../electron/api';

export type RoundCounts = Pick<ScreeningRound, 'households' | 'visited' | 'nobodyHome' | 'refused'>;

export type ScopeInput = ParsedInput<'screening.start'>['scope'];
