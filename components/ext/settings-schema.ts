// Validating and migrating stored settings, in the background only (see settings.ts; pure, so
// tests run it in Node). A stored
// object runs through the numbered migrations up to SETTINGS_VERSION, then each field is checked
// on its own: a field that does not parse falls back to its default and the others are kept, so
// a future version never silently resets a user's settings.
import * as z from 'zod/mini';
import { CATEGORIES } from '../../lib/result';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, type Settings } from './settings-model';

// No JIT: extension pages forbid eval, and zod's probe for it costs ~9 ms at startup.
z.config({ jitless: true });

type Stored = Record<string, unknown>;

/**
 * MIGRATIONS[n] turns a version-n object into version n + 1 (version 0: settings written before
 * they carried a version, which already had today's fields). Add one entry per format change.
 */
const MIGRATIONS: ((s: Stored) => Stored)[] = [
  (s) => ({ ...s, version: 1 }),
  // 1 → 2: the inspection log (issue 17), on unless turned off.
  (s) => ({ log: true, ...s, version: 2 }),
];

const FIELDS: { [K in Exclude<keyof Settings, 'version'>]: z.ZodMiniType<Settings[K]> } = {
  categories: z.record(z.enum(CATEGORIES), z.boolean()) as z.ZodMiniType<Settings['categories']>,
  minSeverity: z.enum(['info', 'warning', 'error']),
  hosts: z.array(z.string()),
  locale: z.enum(['zh', 'en']),
  log: z.boolean(),
};

/** Parse stored settings: migrate, then take each field that parses and the default for the rest. */
export function parseSettings(raw: unknown): Settings {
  let s: Stored = typeof raw === 'object' && raw ? { ...(raw as Stored) } : {};
  let version = typeof s.version === 'number' ? s.version : 0;
  while (version < SETTINGS_VERSION && MIGRATIONS[version]) s = MIGRATIONS[version++](s);
  // Missing rule groups (a category added since) take their default.
  s.categories = { ...DEFAULT_SETTINGS.categories, ...(typeof s.categories === 'object' ? s.categories : {}) };
  const out: Settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(FIELDS) as (keyof typeof FIELDS)[]) {
    const r = FIELDS[key].safeParse(s[key]);
    if (r.success) Object.assign(out, { [key]: r.data });
  }
  return out;
}
