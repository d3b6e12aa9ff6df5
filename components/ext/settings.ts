// User settings: one versioned storage item. Only the background validates it (with zod, in
// settings-schema.ts; a value that fails to parse falls back to the defaults); pages and the
// engine ask the background, so zod stays out of the popup and the injected engine.
import { storage } from 'wxt/utils/storage';
import { sendToBackground } from './messaging';

export const CATEGORIES = ['page', 'meta', 'section', 'format', 'table', 'cell', 'sum', 'text'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Settings {
  version: 1;
  /** Rule groups (rule categories) switched on. */
  categories: Record<Category, boolean>;
  /** Lowest severity drawn as markers on the page (everything still appears in the panel). */
  minSeverity: 'info' | 'warning' | 'error';
  /** Extra hosts (besides *.gov.cn) where the audit runs automatically. */
  hosts: string[];
  locale: 'zh' | 'en';
}

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Settings['categories'],
  minSeverity: 'info',
  hosts: [],
  locale: 'zh',
};

/** local:settings — the whole settings object, validated by the background. */
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

/** Validated settings, from the background (defaults if it cannot answer). */
export function getSettings(): Promise<Settings> {
  return sendToBackground('settings:get', undefined).catch(() => DEFAULT_SETTINGS);
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch(() => void getSettings().then(cb));
}
