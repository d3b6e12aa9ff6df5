// User settings: one versioned storage item. Only the background validates it (with zod, in
// settings-schema.ts; a value that fails to parse falls back to the defaults); pages and the
// engine ask the background, so zod stays out of the popup and the engine. Writing goes through
// settings-store.ts (options, background); watching needs only the storage event, so the engine
// does not carry WXT's storage module (~1 ms of its start-up on every report page).
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category, type Locale } from '../../lib/result';
import { sendToBackground } from './messaging';

export interface Settings {
  version: 1;
  /** Rule groups (rule categories) switched on. */
  categories: Record<Category, boolean>;
  /** Lowest severity drawn as markers on the page (everything still appears in the panel). */
  minSeverity: 'info' | 'warning' | 'error';
  /** Extra hosts (besides *.gov.cn) where the audit runs automatically. */
  hosts: string[];
  locale: Locale;
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Settings['categories'],
  minSeverity: 'info',
  hosts: [],
  locale: 'zh',
};

/** The storage.local key holding the whole settings object. */
export const SETTINGS_KEY = 'settings';

/** Validated settings, from the background (defaults if it cannot answer). */
export function getSettings(): Promise<Settings> {
  return sendToBackground('settings:get', undefined).catch(() => DEFAULT_SETTINGS);
}

/** Calls back with the validated settings after every change. */
export function watchSettings(cb: (s: Settings) => void): () => void {
  const changed = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) void getSettings().then(cb);
  };
  browser.storage.onChanged.addListener(changed);
  return () => browser.storage.onChanged.removeListener(changed);
}
