// The UI language, through a Preact context: a page's controller provides it once, and every view
// reads `tr` (and `locale`) from it instead of taking them as props.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import type { Locale } from '../lib/result';
import { translator, type MessageKey, type Translate } from '../lib/i18n';

export interface LocaleValue {
  locale: Locale;
  tr: Translate;
}

const LocaleContext = createContext<LocaleValue>({ locale: 'zh', tr: translator('zh') });

export function LocaleProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  const value = useMemo(() => ({ locale, tr: translator(locale) }), [locale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export const useLocale = () => useContext(LocaleContext);

/** The page's language and title follow the UI language. */
export function useDocumentLocale(locale: Locale, title: MessageKey): void {
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = translator(locale)(title);
  }, [locale, title]);
}
