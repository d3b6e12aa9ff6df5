import { describe, expect, it } from 'vitest';
import { labelKey, parseValue, tidy } from '../lib/text/normalize';

describe('parseValue', () => {
  it.each([
    ['0', 0, ''],
    ['１２', 12, ''],
    ['1,234', 1234, ''],
    ['251000元', 251000, '元'],
    ['179.8 万元', 179.8, '万元'],
    ['12.35', 12.35, ''],
    ['-3', -3, ''],
    ['－2', -2, ''],
    ['\u00a05\u00a0', 5, ''],
  ])('%s is the number %s', (raw, value, unit) => {
    expect(parseValue(raw)).toMatchObject({ kind: 'number', value, unit });
  });

  it.each(['', ' ', '\u00a0', '/', '-', '—', '——', '无', '／'])('"%s" is a placeholder read as 0', (raw) => {
    expect(parseValue(raw)).toEqual({ kind: 'placeholder', value: 0 });
  });

  it.each(['不详', '①', '3件左右', '见附件'])('"%s" is text', (raw) => {
    expect(parseValue(raw).kind).toBe('text');
  });
});

describe('labels', () => {
  it('keys ignore spacing, width and quotes', () => {
    expect(labelKey('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe(
      labelKey('(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)'),
    );
    expect(labelKey('3.危及“三安全一稳定”')).toBe(labelKey('3. 危及"三安全一稳定"'));
  });
  it('tidy removes spaces inside CJK text only', () => {
    expect(tidy('三、 本年 度办 理结 果')).toBe('三、本年度办理结果');
    expect(tidy('1. 属于国家秘密')).toBe('1.属于国家秘密');
  });
});

describe('parseValue bounds', () => {
  it('a number too long for exact arithmetic is text, never Infinity', () => {
    expect(parseValue('9'.repeat(400)).kind).toBe('text');
    expect(parseValue('123456789012345')).toMatchObject({ kind: 'number', value: 123456789012345 });
  });
});

describe('parseValue edge', () => {
  it('"-0" is 0, not -0 (the JSON result cannot carry -0)', () => {
    expect(Object.is((parseValue('-0') as { value: number }).value, 0)).toBe(true);
  });
});
