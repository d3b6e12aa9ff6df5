// The label catalog: zh.ts and en.ts, and the lookup with `{name}` placeholders. A page with many
// labels of its own (welcome, options, the CLI's summary) keeps them in a page catalog looked up
// first, so the popup's bundle carries only the main one.
import type { Locale } from '../result';
import { en } from './en';
import { zh } from './zh';

export type MessageKey = keyof typeof zh;

/** Strings in both languages under the same keys. */
export type Catalog<K extends string> = { zh: Record<K, string>; en: Record<K, string> };

export const MESSAGES: Catalog<MessageKey> = { zh, en };

export type Translate<K extends string = MessageKey> = (key: K, params?: Record<string, string | number>) => string;

/** The string for `key` in `locale` of a catalog, with `{name}` placeholders filled from params. */
export function lookup<K extends string>(
  catalog: Catalog<K>,
  locale: Locale,
  key: K,
  params: Record<string, string | number> = {},
): string {
  const tpl = catalog[locale]?.[key] ?? catalog.zh[key] ?? key;
  return tpl.replace(/\{([\w-]+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** The string for `key` in `locale` (the main catalog). */
export const t = (locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string =>
  lookup(MESSAGES, locale, key, params);

/** Whether the catalog has a key (for labels looked up by a value, such as a reason). */
export const hasLabel = (key: string): key is MessageKey => Object.hasOwn(MESSAGES.zh, key);

/** `t` in one locale; with a page catalog, its keys first, then the main catalog's. */
export function translator<K extends string = never>(locale: Locale, page?: Catalog<K>): Translate<MessageKey | K> {
  return (key, params) =>
    page && Object.hasOwn(page.zh, key) ? lookup(page, locale, key as K, params) : t(locale, key as MessageKey, params);
}
