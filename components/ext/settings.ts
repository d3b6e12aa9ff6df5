// User settings: one versioned storage item validated with zod. A value that fails to parse
// falls back to the defaults instead of breaking the extension.
import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

// No JIT: extension pages forbid eval, and zod's probe for it costs ~9 ms at startup.
z.config({ jitless: true });

export const CATEGORIES = ['page', 'meta', 'section', 'format', 'table', 'cell', 'sum', 'text'] as const;

const SettingsSchema = z.object({
  version: z.literal(1),
  /** Rule groups (rule categories) switched on. */
  categories: z.record(z.enum(CATEGORIES), z.boolean()),
  /** Lowest severity drawn as markers on the page (everything still appears in the panel). */
  minSeverity: z.enum(['info', 'warning', 'error']),
  /** Extra hosts (besides *.gov.cn) where the audit runs automatically. */
  hosts: z.array(z.string()),
  locale: z.enum(['zh', 'en']),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Settings['categories'],
  minSeverity: 'info',
  hosts: [],
  locale: 'zh',
};

/** Parse stored settings; anything unreadable becomes the defaults (merged field by field). */
export function parseSettings(raw: unknown): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...(typeof raw === 'object' && raw ? raw : {}) };
  merged.categories = { ...DEFAULT_SETTINGS.categories, ...((merged as Settings).categories ?? {}) };
  const r = SettingsSchema.safeParse(merged);
  return r.success ? r.data : DEFAULT_SETTINGS;
}

/** local:settings — the whole settings object; read through parseSettings. */
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: DEFAULT_SETTINGS });

export async function getSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

export function watchSettings(cb: (s: Settings) => void): () => void {
  return settingsItem.watch((v) => cb(parseSettings(v)));
}
