// The document view's pure parts (components/document): which file a view or a tab names, how a
// failure is worded, the zoom steps, where a written PDF element is on its page, and the Word
// body's copy into the view (only known tags and attributes, text as text). The view itself runs
// in tests/e2e/document.test.ts.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { documentSearch, isPdfUrl } from '../components/document/link';
import {
  boxOf,
  currentPage,
  fileName,
  fitWidth,
  HttpError,
  loadError,
  parseDocumentSearch,
  proxyTag,
  scaled,
  stepZoom,
  ZOOMS,
} from '../components/document/model';
import { copyWritten, mapRefs } from '../components/document/word';
import { UnreadableDocument, type UnreadableReason } from '../lib/documents/unreadable';

const docOf = (body: string) => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;

describe('which file', () => {
  it('documentSearch and parseDocumentSearch agree; only http(s) and file addresses are taken', () => {
    const src = 'https://www.example.gov.cn/att/2024/2023年报告.pdf?x=1&y=2';
    expect(parseDocumentSearch(documentSearch(src))).toEqual({ src, name: '2023年报告.pdf' });
    expect(parseDocumentSearch('?src=file%3A%2F%2F%2Fhome%2Fa%2Fb.pdf')?.name).toBe('b.pdf');
    for (const bad of ['', '?src=', '?src=javascript%3Aalert(1)', '?src=chrome%3A%2F%2Fsettings', '?src=a.pdf'])
      expect(parseDocumentSearch(bad), bad).toBeNull();
  });

  it('fileName decodes the last path segment', () => {
    expect(fileName('http://x.gov.cn/a/%E5%B9%B4%E6%8A%A5.docx')).toBe('年报.docx');
    expect(fileName('http://x.gov.cn/a/bad%E5.pdf')).toBe('bad%E5.pdf');
  });

  it('isPdfUrl: a PDF by its path, on the web or a local file', () => {
    expect(isPdfUrl('http://x.gov.cn/a/report.PDF')).toBe(true);
    expect(isPdfUrl('file:///home/u/report.pdf')).toBe(true);
    expect(isPdfUrl('http://x.gov.cn/a/report.pdf#page=2')).toBe(true);
    expect(isPdfUrl('http://x.gov.cn/view.html?file=report.pdf')).toBe(false);
    expect(isPdfUrl('chrome://settings/a.pdf')).toBe(false);
    expect(isPdfUrl(undefined)).toBe(false);
  });
});

describe('loadError', () => {
  it("tells pdf.js's exceptions apart by name, an HTTP status, and a network failure", () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    expect(loadError(named('PasswordException'), 'read')).toEqual({ key: 'doc.error.encrypted' });
    expect(loadError(named('InvalidPDFException'), 'read')).toEqual({ key: 'doc.error.corrupt' });
    expect(loadError(new HttpError(404), 'fetch')).toEqual({ key: 'doc.error.http', status: 404 });
    expect(loadError(new TypeError('Failed to fetch'), 'fetch')).toEqual({
      key: 'doc.error.network',
      error: 'Failed to fetch',
    });
    expect(loadError(new Error('意外'), 'read')).toEqual({ key: 'doc.error.read', error: '意外' });
  });

  it("words the Word readers' reasons in the view's language, not the readers' Chinese line", () => {
    const reason = (r: UnreadableReason) => loadError(new UnreadableDocument('Word 文档……', r), 'read');
    expect(reason('encrypted')).toEqual({ key: 'doc.error.encrypted' });
    expect(reason('damaged')).toEqual({ key: 'doc.error.wordDamaged' });
    expect(reason('not-word')).toEqual({ key: 'doc.error.kind' });
    expect(reason('old-word')).toEqual({ key: 'doc.error.oldWord' });
  });
});

describe('zoom', () => {
  it('steps up and down through the list and stops at its ends', () => {
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(1.37, 1)).toBe(1.5);
    expect(stepZoom(1.37, -1)).toBe(1.25);
    expect(stepZoom(ZOOMS.at(-1)!, 1)).toBe(ZOOMS.at(-1));
    expect(stepZoom(ZOOMS[0], -1)).toBe(ZOOMS[0]);
  });

  it('fit width: the widest page fills the room, within the zoom range', () => {
    expect(fitWidth(1190, [595, 842])).toBe(1.41);
    expect(fitWidth(100, [595])).toBe(ZOOMS[0]);
    expect(fitWidth(10000, [595])).toBe(ZOOMS.at(-1));
  });
});

describe('where a written PDF element is', () => {
  const doc = docOf(`
    <p data-page="1" data-box="50,60,400,20">标题<span>x</span></p>
    <table><tbody>
      <tr><td data-page="2" data-box="10,700,30,20">a</td><td data-page="2" data-box="40,700,30,20">b</td></tr>
      <tr><td data-page="3" data-box="10,40,30,20">c</td><td data-page="3" data-box="40,40,30,20">d</td></tr>
    </tbody></table>
    <p data-page="x" data-box="1,2,3">bad</p>`);

  it('its own box; a table, its cells on the page where it starts; a span, its paragraph', () => {
    const [p, table, bad] = [doc.querySelector('p')!, doc.querySelector('table')!, doc.querySelectorAll('p')[1]];
    expect(boxOf(p)).toEqual({ page: 1, x: 50, y: 60, w: 400, h: 20 });
    expect(boxOf(table)).toEqual({ page: 2, x: 10, y: 700, w: 60, h: 20 });
    expect(boxOf(doc.querySelectorAll('tr')[1])).toEqual({ page: 3, x: 10, y: 40, w: 60, h: 20 });
    expect(boxOf(p.querySelector('span')!)).toEqual(boxOf(p));
    expect(boxOf(bad)).toBeNull();
  });

  it('scaled to a zoom; stand-ins keep the tags the overlay places by', () => {
    expect(scaled({ page: 1, x: 10, y: 20, w: 30, h: 40 }, 1.5)).toEqual({ left: 15, top: 30, width: 45, height: 60 });
    expect([proxyTag('TD'), proxyTag('TH'), proxyTag('TABLE'), proxyTag('P'), proxyTag('BODY')]).toEqual([
      'td',
      'th',
      'table',
      'div',
      'div',
    ]);
  });

  it('the current page: the last one whose top is above the line', () => {
    expect(currentPage([-2000, -800, 300, 1400], 400)).toBe(3);
    expect(currentPage([100, 1300], 50)).toBe(1);
  });
});

describe("a Word file's body in the view", () => {
  it('copies known tags, spans and web links; drops unknown tags but keeps their text; maps written → shown', () => {
    const written = docOf(
      `<p>一、<a href="https://x.gov.cn/a.pdf" onclick="x()">附件</a><a href="javascript:alert(1)">坏</a></p>` +
        `<table><tbody><tr><td colspan="2" style="color:red" data-box="1">合计</td></tr></tbody></table>` +
        `<script>alert(1)</script><custom-el>文字<img src="x" onerror="y()"></custom-el>`,
    );
    const view = docOf('<article></article>');
    const article = view.querySelector('article')!;
    const map = copyWritten(written.body, article);
    const tags = [...article.querySelectorAll('*')].map((el) =>
      [el.tagName, ...[...el.attributes].map((a) => `${a.name}=${a.value}`)].join(' '),
    );
    expect(tags).toEqual([
      'P',
      'A href=https://x.gov.cn/a.pdf target=_blank rel=noopener noreferrer',
      'A',
      'TABLE',
      'TBODY',
      'TR',
      'TD colspan=2',
      'IMG',
    ]);
    expect(article.textContent).toBe('一、附件坏合计alert(1)文字');
    const td = written.querySelector('td')!;
    expect(map.get(td)).toBe(article.querySelector('td'));
    expect(map.get(written.body)).toBe(article);
    const refs = mapRefs([{ targets: [td, written.querySelector('script')!], related: [], placement: 'on' }], (el) =>
      map.get(el),
    );
    expect(refs[0].targets).toEqual([article.querySelector('td')]);
  });
});
