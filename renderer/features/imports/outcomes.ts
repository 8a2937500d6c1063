import type { ImportOutcome } from '../../../electron/api';
import type { MessageKey } from '../../i18n';

export const OUTCOME_KEYS: Record<ImportOutcome, MessageKey> = {
  create: 'imports.outcome.create',
  update: 'imports.outcome.update',
  unchanged: 'imports.outcome.unchanged',
  conflict: 'imports.outcome.conflict',
  reject: 'imports.outcome.reject',
};

export const OUTCOME_COLORS: Record<ImportOutcome, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
  conflict: 'orange',
  reject: 'red',
};
