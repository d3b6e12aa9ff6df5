// Reading the user's settings from pages and the engine: the background validates them (zod, in
// settings-schema.ts), so zod stays out of the popup and the engine; watching needs only the
// storage event, so the engine does not carry WXT's storage module (~1 ms of its start-up on
// every report page). Writing goes through settings-store.ts (options, background).
import { browser } from 'wxt/browser';
import { sendToBackground } from './messaging';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './settings-model';

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
