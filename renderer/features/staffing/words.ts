import { postKinds } from '../../../electron/api';
import type { MessageKey, Translate } from '../../i18n';

const BUILT_IN = new Set<string>(postKinds);

/** A post's kind in the UI's language; one an administrator added, as written. */
export const kindLabel = (kind: string, t: Translate): string => (BUILT_IN.has(kind) ? t(`staffing.kind.${kind}` as MessageKey) : kind);
