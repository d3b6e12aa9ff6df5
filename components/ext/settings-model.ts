// What the settings are, with nothing imported back from the extension glue: the type, its
// defaults, its storage key and version. Reading (settings.ts), validating (settings-schema.ts)
// and writing (settings-store.ts) all build on this module.
import { CATEGORIES, type Category, type Locale } from '../../lib/result';

/** The settings format written now; settings-schema.ts migrates older ones step by step. */
export const SETTINGS_VERSION = 2;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Rule groups (rule categories) switched on. */
  categories: Record<Category, boolean>;
  /** Lowest severity drawn as markers on the page (everything still appears in the panel). */
  minSeverity: 'info' | 'warning' | 'error';
  /** Extra hosts (besides *.gov.cn) where the audit runs automatically. */
  hosts: string[];
  locale: Locale;
  /** Record audited reports in the inspection log (this browser only; never private windows). */
  log: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Settings['categories'],
  minSeverity: 'info',
  hosts: [],
  locale: 'zh',
  log: true,
};

/** The storage.local key holding the whole settings object. */
export const SETTINGS_KEY = 'settings';
