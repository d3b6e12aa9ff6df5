// Stored settings through the background's parser: older formats migrate, a bad field falls back
// alone, nothing a user set is silently reset.
import { describe, expect, it } from 'vitest';
import { parseSettings } from '../components/ext/settings-schema';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../components/ext/settings-model';

describe('parseSettings', () => {
  it('nothing stored: the defaults', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('settings written before they carried a version migrate with their values', () => {
    const old = { minSeverity: 'error', hosts: ['www.example.org'], locale: 'en', categories: { text: false } };
    expect(parseSettings(old)).toEqual({
      ...DEFAULT_SETTINGS,
      version: SETTINGS_VERSION,
      minSeverity: 'error',
      hosts: ['www.example.org'],
      locale: 'en',
      categories: { ...DEFAULT_SETTINGS.categories, text: false },
    });
  });

  it('version 1 settings (before the inspection log) keep every field and gain log: true', () => {
    const v1 = {
      version: 1,
      categories: { ...DEFAULT_SETTINGS.categories, sum: false, text: false },
      minSeverity: 'warning',
      hosts: ['www.example.org', '*.example.net'],
      locale: 'en',
    };
    expect(parseSettings(v1)).toEqual({ ...v1, version: 2, log: true });
    expect(SETTINGS_VERSION).toBe(2);
    // Turned off in version 2: stays off.
    expect(parseSettings({ ...v1, version: 2, log: false }).log).toBe(false);
  });

  it('one bad field falls back alone; the user’s other choices stay', () => {
    const s = parseSettings({ version: 1, minSeverity: 'loud', hosts: ['a.example.org'], locale: 'en' });
    expect(s.minSeverity).toBe(DEFAULT_SETTINGS.minSeverity);
    expect(s.hosts).toEqual(['a.example.org']);
    expect(s.locale).toBe('en');
  });

  it('a rule group added since keeps its default; unknown fields are dropped', () => {
    const s = parseSettings({ version: 1, categories: { sum: false }, extra: 1 });
    expect(s.categories.sum).toBe(false);
    expect(s.categories.section).toBe(true);
    expect(s).not.toHaveProperty('extra');
  });
});
