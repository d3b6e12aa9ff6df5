// The UI language of an extension page (popup, log page): from the settings, and live when they
// change. A Preact hook beside settings.ts, which the engine imports and so stays free of Preact.
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../lib/result';
import { getSettings, watchSettings } from './settings';

export function useSettingsLocale(): Locale {
  const [locale, setLocale] = useState<Locale>('zh');
  useEffect(() => {
    getSettings()
      .then((s) => setLocale(s.locale))
      .catch(() => {});
    let unwatch: (() => void) | undefined;
    try {
      unwatch = watchSettings((s) => setLocale(s.locale));
    } catch {
      /* storage unavailable: keep the default */
    }
    return () => unwatch?.();
  }, []);
  return locale;
}
