import { describe, expect, it } from 'vitest';
import { MESSAGES, t, translator } from '../lib/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]).sort();

describe('i18n dictionary', () => {
  it('zh and en have exactly the same keys', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
  });

  it('no string is empty', () => {
    for (const locale of ['zh', 'en'] as const)
      for (const [k, v] of Object.entries(MESSAGES[locale])) expect(v.trim(), `${locale}:${k}`).not.toBe('');
  });

  it('both locales use the same placeholders for each key', () => {
    for (const key of Object.keys(MESSAGES.zh) as (keyof typeof MESSAGES.zh)[])
      if (!key.startsWith('reason.'))
        expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.zh[key]));
  });

  it('Chinese is the UI language of the main strings', () => {
    expect(MESSAGES.zh['state.none']).toBe('未自动识别为年报');
    expect(MESSAGES.zh['action.run']).toBe('审核此页');
    expect(MESSAGES.zh['verdict.clean']).toBe('未发现需处理的问题');
    expect(MESSAGES.zh['options.saved']).toBe('已保存');
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
