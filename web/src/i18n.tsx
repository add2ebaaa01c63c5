import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { reportTimeZone } from './timeZone';

/**
 * Chinese first, English on request. Every text is written in place as `t('中文', 'English')`,
 * so a page carries both languages side by side and no key table can drift out of step.
 */
export type Lang = 'zh' | 'en';

const LANG_KEY = 'outreach.lang';

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (zh: string, en: string) => string;
  /** An instant as a date and time (or a date only) in the report time zone. */
  formatTime: (value: string | null | undefined, dateOnly?: boolean) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh'));
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const dateTime = new Intl.DateTimeFormat(locale, {
      timeZone: reportTimeZone(),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    const dateOnly = new Intl.DateTimeFormat(locale, {
      timeZone: reportTimeZone(),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    return {
      lang,
      setLang,
      t: (zh, en) => (lang === 'zh' ? zh : en),
      formatTime: (value, onlyDate) => (value ? (onlyDate ? dateOnly : dateTime).format(new Date(value)) : '—'),
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
