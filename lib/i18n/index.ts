// The one label catalog: zh.ts and en.ts, and the lookup with `{name}` placeholders.
import type { Locale } from '../result';
import { en } from './en';
import { zh } from './zh';

export type MessageKey = keyof typeof zh;

export const MESSAGES: { zh: Record<MessageKey, string>; en: Record<MessageKey, string> } = { zh, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The string for `key` in `locale`, with `{name}` placeholders filled from params. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const tpl = MESSAGES[locale]?.[key] ?? MESSAGES.zh[key] ?? key;
  return tpl.replace(/\{([\w-]+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/** Whether the catalog has a key (for labels looked up by a value, such as a reason). */
export const hasLabel = (key: string): key is MessageKey => Object.hasOwn(MESSAGES.zh, key);

export const translator =
  (locale: Locale): Translate =>
  (key, params) =>
    t(locale, key, params);
