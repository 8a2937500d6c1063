import { requestStateWords, type Localized } from '../../messages';
import type { RequestAction } from '../../electron/api/requests';

/** The states in words, for refusals. */
export const STATE_LABELS = requestStateWords;

/** The steps in words, for refusals: 「不能{action}」. */
export const ACTION_LABELS: Record<Exclude<RequestAction, 'create' | 'escalate'>, Localized> = {
  accept: { 'zh-CN': '受理', en: 'accepted' },
  assign: { 'zh-CN': '交办', en: 'assigned' },
  resolve: { 'zh-CN': '办结', en: 'resolved' },
  revisit: { 'zh-CN': '回访', en: 'revisited' },
};
