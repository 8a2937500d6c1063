import { requestKindWords, requestLevelWords, requestSourceWords, requestStateWords, satisfactionWords, type Localized } from '../../../messages';
import { useLocale } from '../../i18n';

const WORDS = {
  kind: requestKindWords,
  source: requestSourceWords,
  state: requestStateWords,
  level: requestLevelWords,
  satisfaction: satisfactionWords,
} satisfies Record<string, Record<string, Localized>>;

type Words = typeof WORDS;

/** The words of a request's kind, source, state, level or satisfaction, in the UI's language (declared once, in `messages/requests.ts`). */
export function useRequestWords() {
  const [locale] = useLocale();
  return <G extends keyof Words>(group: G, key: keyof Words[G]): string => (WORDS[group][key] as Localized)[locale];
}

/** Options for a Select of one of the lists. */
export function useRequestOptions() {
  const word = useRequestWords();
  return <G extends keyof Words>(group: G) => (Object.keys(WORDS[group]) as (keyof Words[G] & string)[]).map((value) => ({ value, label: word(group, value) }));
}

export const STATE_COLORS = { pending: 'orange', handling: 'blue', resolved: 'green', revisited: 'default' } as const;
