// The gate that runs on every gov.cn page, read through XPath strings: which signals it takes
// from which part of a page, and the look-alikes it sets aside.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { metaContent } from '../lib/dom/xpath';
import { gate, isListing, lookAlike } from '../lib/report/detect';

const page = (head: string, body = '') =>
  new JSDOM(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`).window
    .document;
const PORTAL = 'http://www.linjiang.gov.cn/art/2024/1/1/art_1.html';

describe('gate', () => {
  it('takes a report title from <title>, ArticleTitle or the first <h1>, whitespace ignored', () => {
    expect(gate(page('<title>临江市2023年政府信息公开工作年度报告</title>'), PORTAL).signals).toEqual(['title']);
    expect(
      gate(
        page('<title>临江市人民政府</title><meta name="articletitle" content="2023年政府信息 公开工作年度报告">'),
        PORTAL,
      ).signals,
    ).toEqual(['title']);
    expect(
      gate(page('<title>临江市人民政府</title>', '<h1>2023年政府信息公开\n工作年度报告</h1>'), PORTAL).signals,
    ).toEqual(['title']);
  });

  it('takes the column and the URL as signals, and nothing from an ordinary page', () => {
    const column = page('<title>临江市人民政府</title><meta name="ColumnType" content="信息公开年报">');
    expect(gate(column, PORTAL)).toEqual({ pass: true, signals: ['column'], title: '临江市人民政府' });
    expect(gate(page('<title>首页</title>'), 'http://www.linjiang.gov.cn/zfxxgknb/2024.html').signals).toEqual(['url']);
    expect(gate(page('<title>临江市人民政府门户网站</title>', '<h1>要闻</h1>'), PORTAL)).toEqual({
      pass: false,
      signals: [],
      title: '临江市人民政府门户网站',
    });
  });

  it('reads <meta> content case-insensitively by name, and a "null" content as none', () => {
    const doc = page('<meta name="PUBDATE" content=" 2024-01-20 "><meta name="ArticleTitle" content="null">');
    expect(metaContent(doc, 'pubdate')).toBe('2024-01-20');
    expect(metaContent(doc, 'ArticleTitle')).toBeNull();
    expect(metaContent(doc, 'Author')).toBeNull();
    // Stray content in <head> makes the parser put the later <meta> into <body>.
    const stray = page('<title>t</title><div>广告</div><meta name="ArticleTitle" content="2023年度报告">');
    expect(stray.querySelector('body > meta')).not.toBeNull();
    expect(metaContent(stray, 'ArticleTitle')).toBe('2023年度报告');
  });
});

describe('look-alikes', () => {
  const links = (n: number, sep = ' ') =>
    Array.from(
      { length: n },
      (_, i) => `<li><a href="/${i}.html">${2019 + i}年${sep}政府信息公开工作年度报告</a></li>`,
    ).join('');

  it('a notice or a rules page by its title', () => {
    const notice = page('<title>关于印发2023年政府信息公开工作年度报告格式的通知</title>');
    expect(lookAlike(notice, gate(notice, PORTAL))).toBe('notice');
  });

  it('the 年报 listing: links to five or more reports by year, spaces (also full-width) ignored', () => {
    // Its title is the column's ("政府信息公开年报"), a report signal that names no year.
    const listing = page('<title>政府信息公开年报_临江市人民政府</title>', `<ul>${links(5, '\u3000')}</ul>`);
    expect(gate(listing, PORTAL).signals).toEqual(['title']);
    expect(lookAlike(listing, gate(listing, PORTAL))).toBe('listing');
    expect(isListing(page('', `<ul>${links(4)}</ul>`))).toBe(false);
    // Links without a year are not reports by year.
    expect(isListing(page('', `<ul>${links(6).replace(/\d{4}年/g, '本年')}</ul>`))).toBe(false);
  });

  it('a report with links to other years is not the listing: its title names a year, or it has report prose', () => {
    const titled = page('<title>临江市2023年政府信息公开工作年度报告</title>', `<ul>${links(8)}</ul>`);
    expect(lookAlike(titled, gate(titled, PORTAL))).toBeNull();
    const untitled = page(
      '<title>政府信息公开年报</title>',
      `<p>二、主动公开政府\n信息情况</p><table><tr><td>1</td></tr></table><ul>${links(8)}</ul>`,
    );
    expect(lookAlike(untitled, gate(untitled, PORTAL))).toBeNull();
  });
});
