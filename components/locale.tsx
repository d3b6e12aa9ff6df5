// The UI language, through a Preact context: a page's controller provides it once, and every view
// reads `tr` (and `locale`) from it instead of taking them as props.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import type { Locale } from '../lib/result';
import { translator, type Catalog, type MessageKey, type Translate } from '../lib/i18n';

export interface LocaleValue<K extends string = never> {
  locale: Locale;
  tr: Translate<MessageKey | K>;
}

const LocaleContext = createContext<LocaleValue<string>>({ locale: 'zh', tr: translator('zh') });

/** The locale for the views below, and the page's own catalog (lib/i18n translator) if it has one. */
export function LocaleProvider<K extends string>(props: {
  locale: Locale;
  catalog?: Catalog<K>;
  children: ComponentChildren;
}) {
  const { locale, catalog, children } = props;
  const value = useMemo(() => ({ locale, tr: translator(locale, catalog) }), [locale, catalog]);
  return <LocaleContext.Provider value={value as LocaleValue<string>}>{children}</LocaleContext.Provider>;
}

/** The locale and `tr`; a page with its own catalog names its key type: useLocale<OptionsKey>(). */
export const useLocale = <K extends string = never>() => useContext(LocaleContext) as LocaleValue<K>;

/** The page's language and title follow the UI language. */
export function useDocumentLocale<K extends string = never>(
  locale: Locale,
  title: MessageKey | K,
  catalog?: Catalog<K>,
) {
  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = translator(locale, catalog)(title);
  }, [locale, title, catalog]);
}
