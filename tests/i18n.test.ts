import { describe, expect, it } from 'vitest';
import { DOCUMENT_MESSAGES } from '../components/document/messages';
import { OPTIONS_MESSAGES } from '../components/options/messages';
import { WELCOME_MESSAGES } from '../components/welcome/messages';
import { SUMMARY_MESSAGES } from '../lib/batch/summary-i18n';
import { MESSAGES, t, translator, type Catalog } from '../lib/i18n';
import { DEFAULT_LOCALE, localeFiles } from '../lib/i18n/locales';

const placeholders = (s: string) => [...s.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]).sort();

// The main catalog and the page catalogs (their pages only; the summary's: CLI only).
const CATALOGS = {
  main: MESSAGES,
  welcome: WELCOME_MESSAGES,
  options: OPTIONS_MESSAGES,
  document: DOCUMENT_MESSAGES,
  summary: SUMMARY_MESSAGES,
} as Record<string, Catalog<string>>;

describe.each(Object.entries(CATALOGS))('i18n dictionary: %s', (_, cat) => {
  it('zh and en have exactly the same keys', () => {
    expect(Object.keys(cat.en).sort()).toEqual(Object.keys(cat.zh).sort());
  });

  it('no string is empty', () => {
    for (const locale of ['zh', 'en'] as const)
      for (const [k, v] of Object.entries(cat[locale])) expect(v.trim(), `${locale}:${k}`).not.toBe('');
  });

  it('both locales use the same placeholders for each key', () => {
    for (const key of Object.keys(cat.zh))
      if (!key.startsWith('reason.')) expect(placeholders(cat.en[key]), key).toEqual(placeholders(cat.zh[key]));
  });
});

describe('i18n dictionary', () => {
  it('Chinese is the UI language of the main strings', () => {
    expect(MESSAGES.zh['state.none']).toBe('未自动识别为年报');
    expect(MESSAGES.zh['action.run']).toBe('审核此页');
    expect(MESSAGES.zh['verdict.clean']).toBe('未发现需处理的问题');
    expect(OPTIONS_MESSAGES.zh['options.saved']).toBe('已保存');
  });

  it('fills placeholders and leaves unknown ones alone', () => {
    expect(t('zh', 'export.copied', { n: 3 })).toBe('已复制 3 条');
    expect(t('en', 'export.copied', { n: 3 })).toBe('Copied 3 findings');
    expect(t('zh', 'state.failed', { error: 'x' })).toBe('审核失败：x');
    expect(t('zh', 'state.failed')).toBe('审核失败：{error}');
    expect(translator('zh')('export.clipboardError', { error: 'denied' })).toBe(
      '剪贴板不可用：denied，请重试或使用下载',
    );
  });

  it('does not re-expand placeholders inside substituted values', () => {
    expect(t('zh', 'state.failed', { error: '{error}<b>' })).toBe('审核失败：{error}<b>');
  });
});

describe('_locales for the manifest (generated from the catalog at build)', () => {
  const files = Object.fromEntries(localeFiles().map((f) => [f.relativeDest, JSON.parse(f.contents)]));

  it('Chinese is the default, English the second; each names the extension, describes it, titles the button', () => {
    expect(DEFAULT_LOCALE).toBe('zh_CN');
    expect(Object.keys(files).sort()).toEqual(['_locales/en/messages.json', '_locales/zh_CN/messages.json']);
    expect(files['_locales/zh_CN/messages.json'].extName.message).toBe(MESSAGES.zh['manifest.name']);
    expect(files['_locales/en/messages.json'].actionTitle.message).toBe(MESSAGES.en['manifest.action']);
  });

  it('fits the stores: name ≤ 75 characters, description ≤ 132', () => {
    for (const m of Object.values(files)) {
      expect(m.extName.message.length).toBeLessThanOrEqual(75);
      expect(m.extDescription.message.length).toBeLessThanOrEqual(132);
    }
  });
});
