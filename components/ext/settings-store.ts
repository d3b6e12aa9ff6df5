// The settings item in storage.local, for the pages that write or watch it raw (options,
// background). The engine and the popup read validated settings from the background instead.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_KEY } from './settings-model';

export const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, { fallback: DEFAULT_SETTINGS });
