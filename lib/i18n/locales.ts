// The browser's own i18n (_locales) for what the browser and the stores show before any of our code
// runs: the extension's name and description, and the toolbar button's title. The files are
// generated from the one catalog at build time (wxt.config.ts), so these strings have no second copy.
import { MESSAGES, type MessageKey } from '.';
import type { Locale } from '../result';

/** Message names as the manifest uses them (`__MSG_extName__`), and their catalog keys. */
const NAMES = {
  extName: 'manifest.name',
  extDescription: 'manifest.description',
  actionTitle: 'manifest.action',
} as const satisfies Record<string, MessageKey>;

const FOLDER: Record<Locale, string> = { zh: 'zh_CN', en: 'en' };

/** The manifest's default_locale: Chinese first. */
export const DEFAULT_LOCALE = FOLDER.zh;

/** `__MSG_extName__`: a manifest string the browser fills from _locales. */
export const manifestMessage = (name: keyof typeof NAMES) => `__MSG_${name}__`;

/** `_locales/<folder>/messages.json` for every UI language. */
export function localeFiles(): { relativeDest: string; contents: string }[] {
  return (Object.keys(FOLDER) as Locale[]).map((locale) => {
    const messages = Object.fromEntries(
      Object.entries(NAMES).map(([name, key]) => [name, { message: MESSAGES[locale][key] }]),
    );
    return {
      relativeDest: `_locales/${FOLDER[locale]}/messages.json`,
      contents: `${JSON.stringify(messages, null, 2)}\n`,
    };
  });
}
