// The welcome page's controller: the UI language (a switch saves it, so the popup and the overlay
// follow) and the way to the settings. Every browser call of the page is here; App.tsx only renders.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Locale } from '../../lib/result';
import { getSettings, watchSettings } from '../ext/settings';
import { settingsItem } from '../ext/settings-store';

export function useWelcome() {
  const [locale, setLocale] = useState<Locale | null>(null);
  useEffect(() => {
    getSettings()
      .then((s) => setLocale(s.locale))
      .catch(() => setLocale('zh'));
    return watchSettings((s) => setLocale(s.locale));
  }, []);
  const switchLocale = (to: Locale) =>
    void getSettings()
      .then((s) => settingsItem.setValue({ ...s, locale: to }))
      .catch(() => setLocale(to)); // storage unavailable: this page at least
  const openOptions = () => void browser.runtime.openOptionsPage().catch(() => {});
  return { locale, switchLocale, openOptions };
}
