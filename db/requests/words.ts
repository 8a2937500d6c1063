import { requestKindWords, requestLevelWords, requestSourceWords, requestStateWords, type Localized } from '../../messages';

const zh = <K extends string>(words: Record<K, Localized>): Record<K, string> =>
  Object.fromEntries(Object.entries<Localized>(words).map(([k, w]) => [k, w['zh-CN']])) as Record<K, string>;

/** The Chinese words of the workbook's cells. */
export const REQUEST_WORDS = {
  kind: zh(requestKindWords),
  source: zh(requestSourceWords),
  state: zh(requestStateWords),
  level: zh(requestLevelWords),
};
