// The settings schema, used by the background only (see settings.ts).
import * as z from 'zod/mini';
import { CATEGORIES } from '../../lib/result';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { settingsItem } from './settings-store';

// No JIT: extension pages forbid eval, and zod's probe for it costs ~9 ms at startup.
z.config({ jitless: true });

const SettingsSchema = z.object({
  version: z.literal(1),
  categories: z.record(z.enum(CATEGORIES), z.boolean()),
  minSeverity: z.enum(['info', 'warning', 'error']),
  hosts: z.array(z.string()),
  locale: z.enum(['zh', 'en']),
});

/** Parse stored settings; anything unreadable becomes the defaults (merged field by field). */
export function parseSettings(raw: unknown): Settings {
  const merged = { ...DEFAULT_SETTINGS, ...(typeof raw === 'object' && raw ? raw : {}) };
  merged.categories = { ...DEFAULT_SETTINGS.categories, ...((merged as Settings).categories ?? {}) };
  const r = SettingsSchema.safeParse(merged);
  return r.success ? (r.data as Settings) : DEFAULT_SETTINGS;
}

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}
