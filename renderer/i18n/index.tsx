import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { zhCN, type MessageKey, type Messages } from './zh-CN';
import { en } from './en';
import { locales, type Locale } from '../../messages';

export type { Locale } from '../../messages';
export type { MessageKey } from './zh-CN';
/** The translate function of one language; `locale` names it (for messages the services send). */
export type Translate = ((key: MessageKey, params?: Record<string, string | number>) => string) & { readonly locale: Locale };

export const LOCALES = locales;
const STORAGE_KEY = 'griddesk.locale';
const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (value === 'zh-CN' || value === 'en') return value;
  } catch {
    // Storage can be unavailable (privacy settings); the default applies.
  }
  return 'zh-CN';
}

export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

interface I18nValue {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; still switched for this session.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo<I18nValue>(() => {
    const messages = dictionaries[locale];
    const t: Translate = Object.assign((key: MessageKey, params?: Record<string, string | number>) => interpolate(messages[key], params), { locale });
    return { locale, setLocale, t };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT() outside <I18nProvider>');
  return value;
}

/** The translate function of the current language. */
export function useT(): Translate {
  return useI18n().t;
}

export function useLocale(): [Locale, (locale: Locale) => void] {
  const { locale, setLocale } = useI18n();
  return [locale, setLocale];
}
