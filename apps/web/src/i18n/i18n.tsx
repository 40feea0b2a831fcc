import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { catalogues, type Locale } from './catalogues.ts';

export type { Locale };

const storageKey = 'innspill.locale';

function mergedMessages(locale: Locale): Record<string, string> {
  return Object.assign({}, ...catalogues.map((catalogue) => catalogue[locale]));
}

const messagesByLocale: Record<Locale, Record<string, string>> = {
  nb: mergedMessages('nb'),
  en: mergedMessages('en'),
};

/** Looks up a message and fills `{name}` placeholders. A missing key shows the key (and warns in dev). */
export function translate(locale: Locale, key: string, values?: Record<string, string | number>): string {
  const template = messagesByLocale[locale][key] ?? messagesByLocale.nb[key] ?? key;
  return values
    ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
    : template;
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: string, values?: Record<string, string | number>) => string;
  formatDate: (isoDate: string) => string;
  formatDateTime: (iso: string) => string;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

function initialLocale(): Locale {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(storageKey);
  return stored === 'en' || stored === 'nb' ? stored : 'nb';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(storageKey, next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nValue>(() => {
    const tag = locale === 'nb' ? 'nb-NO' : 'en-GB';
    return {
      locale,
      setLocale,
      t: (key, values) => translate(locale, key, values),
      formatDate: (isoDate) =>
        new Intl.DateTimeFormat(tag, {
          day: 'numeric',
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
      formatDateTime: (iso) =>
        new Intl.DateTimeFormat(tag, {
          dateStyle: 'long',
          timeStyle: 'short',
          timeZone: 'Europe/Oslo',
        }).format(new Date(iso)),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside I18nProvider');
  return value;
}
