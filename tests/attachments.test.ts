// Reports published as attachments (lib/documents/attachments.ts): the PDF/DOCX/DOC files a page
// links or embeds, found outside the site chrome, best first; a stub page (title, 详见附件, the
// link) detected as a report with one note and no false findings; and the column sweep reading the
// attachment instead of the stub (lib/sweep/sweep.ts, cli/sweep.ts), with the row saying so.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPage } from '../cli/load';
import { sourceOf } from '../cli/load';
import { sweepLocal } from '../cli/sweep';
import { audit } from '../lib/audit';
import {
  findAttachments,
  findAttachmentElements,
  isAttachmentStub,
  linkedAttachment,
  sniffDocument,
  type Attachment,
} from '../lib/documents/attachments';
import { exportCells } from '../lib/sweep/export';
import { LoadError, type LoadedPage } from '../lib/sweep/fetch';
import { sweep } from '../lib/sweep/sweep';
import { sweepRows } from '../lib/sweep/table';
import { haveCorpus, REAL } from './real/corpus';

const root = join(import.meta.dirname, '..');
const FIXTURES = join(root, 'tests', 'fixtures');
const STUB = join(FIXTURES, 'pages', 'attachment-stub.html');
const BASE = 'http://www.linjiang.gov.cn/art/2024/1/26/art_1229_1.html';
const TITLE = '临江市交通运输局2023年政府信息公开工作年度报告';

const dom = (body: string, title = TITLE, url = BASE) =>
  new JSDOM(
    `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`,
    {
      url,
    },
  ).window.document;

/** A portal page: header and navigation, the article, related links and a footer around `article`. */
const portal = (article: string, title = TITLE) =>
  dom(
    `<div class="header"><a href="/guide.pdf">政府信息公开指南.pdf</a></div>
     <nav><a href="/files/2022年政府信息公开工作年度报告.pdf">2022年政府信息公开工作年度报告.pdf</a></nav>
     <div class="main"><h1>${title}</h1><div class="article-info">发布日期：2024-01-26 来源：临江市交通运输局</div>
       <div class="TRS_Editor">${article}</div></div>
     <div class="related"><a href="/old/2021.pdf">临江市交通运输局2021年政府信息公开工作年度报告.pdf</a></div>
     <footer><a href="/privacy.pdf">隐私声明.pdf</a></footer>`,
    title,
  );

describe('findAttachments', () => {
  it('finds the body’s links by address or by the file name in their text, report first, chrome left out', () => {
    const doc = portal(`<p>详见附件。</p>
      <p>附件1：<a href="/module/download/downfile.jsp?classid=0&amp;id=12">政策解读.pdf</a></p>
      <p>附件2：<a href="/module/download/downfile.jsp?classid=0&amp;id=13">临江市交通运输局2023年政府信息公开工作年度报告.pdf</a></p>
      <p><a href="/upload/2024/report.DOCX?v=2#page=1">Word 版</a> <a href="/upload/2024/old.doc">旧版</a>
         <a href="javascript:void(0)">报告.pdf</a> <a href="/a.html">网页</a></p>`);
    expect(findAttachments(doc, BASE)).toEqual([
      {
        url: 'http://www.linjiang.gov.cn/module/download/downfile.jsp?classid=0&id=13',
        kind: 'pdf',
        text: '临江市交通运输局2023年政府信息公开工作年度报告.pdf',
        embedded: false,
      },
      {
        url: 'http://www.linjiang.gov.cn/module/download/downfile.jsp?classid=0&id=12',
        kind: 'pdf',
        text: '政策解读.pdf',
        embedded: false,
      },
      { url: 'http://www.linjiang.gov.cn/upload/2024/report.DOCX?v=2', kind: 'docx', text: 'Word 版', embedded: false },
      { url: 'http://www.linjiang.gov.cn/upload/2024/old.doc', kind: 'doc', text: '旧版', embedded: false },
    ]);
  });

  it('finds embedded PDFs: a viewer’s file=/src= parameter, <embed src>, <object data>; one entry per file', () => {
    const doc = portal(`<p>${TITLE}</p>
      <iframe src="/pdfjs/web/viewer.html?file=%2Fupload%2F2024%2Freport.pdf" title="${TITLE}"></iframe>
      <p><a href="/upload/2024/report.pdf">下载</a></p>
      <embed src="https://cdn.example.cn/files/annex.pdf?t=1" type="application/pdf">
      <object data="/viewer/index.html?src=https%3A%2F%2Ffiles.example.cn%2Fb.pdf"></object>
      <iframe ms-attr-src="/generic2/web/viewer.html?file={{qzbFile}}" src="/generic2/web/viewer.html?file={{qzbFile}}"></iframe>
      <iframe src="https://map.example.cn/?c=code&amp;id=26"></iframe>`);
    expect(findAttachments(doc, BASE)).toEqual([
      { url: 'http://www.linjiang.gov.cn/upload/2024/report.pdf', kind: 'pdf', text: TITLE, embedded: true },
      { url: 'https://cdn.example.cn/files/annex.pdf?t=1', kind: 'pdf', text: 'annex.pdf', embedded: true },
      { url: 'https://files.example.cn/b.pdf', kind: 'pdf', text: 'b.pdf', embedded: true },
    ]);
  });

  it('reads links wired in page scripts ({name, url} lists), after the page’s own links', () => {
    const doc = portal(`<p>正文</p><script>
      var apps = [ {name:"${TITLE}(原件).pdf",url:"https://www.linjiang.gov.cn/upload/P0202401.pdf"} ];
      var videoLinks = ['https://www.linjiang.gov.cn/upload/P0202401.pdf', ''];
    </script>`);
    expect(findAttachments(doc, BASE)).toEqual([
      {
        url: 'https://www.linjiang.gov.cn/upload/P0202401.pdf',
        kind: 'pdf',
        text: `${TITLE}(原件).pdf`,
        embedded: false,
      },
    ]);
  });

  it('nothing on a page without attachments', () => {
    expect(findAttachments(portal('<p>本报告全文如下。</p>'), BASE)).toEqual([]);
  });

  it('a link to the file itself, and what bytes are', () => {
    expect(linkedAttachment('http://x.gov.cn/a/b.PDF?x=1', ' 报告 ')).toEqual({
      url: 'http://x.gov.cn/a/b.PDF?x=1',
      kind: 'pdf',
      text: '报告',
      embedded: false,
    });
    expect(linkedAttachment('http://x.gov.cn/a/b.html', '报告')).toBeNull();
    expect(sniffDocument(new TextEncoder().encode('\n%PDF-1.7\n'))).toBe('pdf');
    expect(sniffDocument(Uint8Array.from([0x50, 0x4b, 3, 4, 0]))).toBe('docx');
    expect(sniffDocument(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('doc');
    expect(sniffDocument(new TextEncoder().encode('<!doctype html>'))).toBeNull();
  });
});

describe('isAttachmentStub', () => {
  const stubBody = `<p>详见附件。</p><p>附件：<a href="/f/a.pdf">${TITLE}.pdf</a></p>`;

  it('a body of the title, 详见附件 and the link is a stub', () => {
    const doc = portal(stubBody);
    expect(isAttachmentStub(doc, findAttachments(doc, BASE))).toBe(true);
  });

  it('not without an attachment, nor when the body holds the report (prose, a table of figures)', () => {
    const none = portal('<p>详见附件。</p>');
    expect(isAttachmentStub(none, findAttachments(none, BASE))).toBe(false);
    const prose = portal(
      `<p>一、总体情况</p><p>2023年，本局主动公开政府信息326条。</p><p>二、主动公开政府信息情况</p>${stubBody}`,
    );
    expect(isAttachmentStub(prose, findAttachments(prose, BASE))).toBe(false);
    const table = portal(`<table><tr><td>规章</td><td>0</td><td>0</td><td>3</td></tr></table>${stubBody}`);
    expect(isAttachmentStub(table, findAttachments(table, BASE))).toBe(false);
    const long = portal(`<p>${'本局认真贯彻落实条例，推进政务公开标准化规范化建设，'.repeat(5)}</p>${stubBody}`);
    expect(isAttachmentStub(long, findAttachments(long, BASE))).toBe(false);
  });

  it('not a 年报 column whose list links report files, the article body being elsewhere', async () => {
    const { doc, url } = await loadPage(join(FIXTURES, 'pages', 'attachments-listing.html'));
    const found = findAttachmentElements(doc, url);
    expect(found.map((a) => a.kind)).toEqual(['pdf', 'docx']);
    expect(isAttachmentStub(doc, found)).toBe(false);
    expect(audit(doc, { url }).result.detected).toBe(false);
  });

  it('not a small listing of several years’ report files', () => {
    const doc = portal(
      [2023, 2022, 2021]
        .map((y) => `<p><a href="/f/${y}.pdf">临江市交通运输局${y}年政府信息公开工作年度报告</a></p>`)
        .join(''),
      '政府信息公开年报',
    );
    expect(findAttachments(doc, BASE)).toHaveLength(3);
    expect(isAttachmentStub(doc, findAttachments(doc, BASE))).toBe(false);
    expect(audit(doc, { url: BASE }).result.detected).toBe(false);
  });

  it('the fixture report page with an attachment link is not a stub', async () => {
    const { doc, url } = await loadPage(join(FIXTURES, 'pages', 'tables-image.html'));
    const found = findAttachments(doc, url);
    expect(found.map((a) => a.kind)).toEqual(['pdf']);
    expect(isAttachmentStub(doc, found)).toBe(false);
  });
});

describe('a stub page whose report is the attachment', () => {
  it('is a report page (the gate, the verdict) with one note and no errors or warnings', async () => {
    const { doc, url } = await loadPage(STUB);
    for (const force of [false, true]) {
      const { result } = audit(doc, { url, force });
      expect(result.detected).toBe(true);
      expect(result.reason).toBe('attachment');
      expect(result.report).toMatchObject({ title: TITLE, agency: '临江市交通运输局', year: 2023 });
      expect(result.summary).toEqual({ error: 0, warning: 0, info: 1, review: 0 });
      expect(result.findings).toHaveLength(1);
      expect(result.findings[0]).toMatchObject({
        ruleId: 'page.tables-unreadable',
        severity: 'info',
        location: '附件',
      });
      expect(result.findings[0].message).toContain(`${TITLE}.pdf`);
      // The related-links PDF (last year's report) is site chrome, not this page's attachment.
      expect(result.findings[0].message).not.toContain('2022');
    }
    const en = audit(doc, { url, locale: 'en' }).result.findings[0].message;
    expect(en).toMatch(/^The report is in the attachment/);
  });

  it('its attachment resolves beside the fixtures (tests/fixtures/documents/pdf/seeds__000.pdf)', async () => {
    const { doc, url } = await loadPage(STUB);
    const [a] = findAttachments(doc, url);
    expect(a).toMatchObject({ kind: 'pdf', embedded: false });
    expect(a.url).toBe(pathToFileURL(join(FIXTURES, 'documents', 'pdf', 'seeds__000.pdf')).href);
  });

  it('a stub naming neither the report in its title nor in its file is not a report', () => {
    const doc = dom(
      `<div class="TRS_Editor"><p>详见附件。</p><p><a href="/f/a.pdf">附件1.pdf</a></p></div>`,
      '工作动态',
    );
    expect(audit(doc, { url: BASE }).result).toMatchObject({ detected: false, reason: 'no-report-signal' });
    expect(audit(doc, { url: BASE, force: true }).result).toMatchObject({
      detected: false,
      reason: 'no-report-structure',
    });
    // Forced (a sweep: the listing vouches) with a file named as the report: the attachment.
    const named = dom(
      `<div class="TRS_Editor"><p>详见附件。</p><p><a href="/f/a.pdf">${TITLE}.pdf</a></p></div>`,
      '政务公开',
    );
    expect(audit(named, { url: BASE, force: true }).result.reason).toBe('attachment');
  });
});

describe.runIf(haveCorpus)('real pages (../shared/real/pingtan)', () => {
  const PDF_PAGES: Record<string, string> = {
    'PT-2022-dept-jjf-86658.html': 'P020240130358304148966.pdf',
    'PT-2023-pq-jsp-86344.html': 'P020240119326467336614.pdf',
    'PT-2024-pq-jsp-96904.html': 'P020250124316640979364.pdf',
    'PT-2025-pq-jsp-104809.html': 'P020260126355939059829.pdf',
  };
  const pages = haveCorpus ? readdirSync(join(REAL, 'pingtan')).filter((n) => n.endsWith('.html')) : [];

  it.each(Object.entries(PDF_PAGES))(
    '%s: its 原件 PDF, once, named as the report; the page is no stub',
    async (page, file) => {
      const { doc, url } = await loadPage(join(REAL, 'pingtan', page));
      const found = findAttachments(doc, url);
      expect(found).toHaveLength(1); // the attachment list's link and the script's copy are one file
      expect(found[0]).toMatchObject({ kind: 'pdf', embedded: false });
      expect(found[0].url.endsWith(`/${file}`)).toBe(true);
      expect(found[0].text).toMatch(/年度报告.*\.pdf$/);
      expect(isAttachmentStub(doc, found)).toBe(false);
      expect(audit(doc, { url }).result.reason).not.toBe('attachment');
    },
  );

  it('the live page: the 全真版 viewer filled in by script embeds the same PDF', async () => {
    const page = 'PT-2023-pq-jsp-86344.html';
    const { doc } = await loadPage(join(REAL, 'pingtan', page));
    const dir = 'https://www.pingtan.gov.cn/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202401/';
    const pdf = `${dir}${PDF_PAGES[page]}`;
    doc.querySelector('iframe.isofd')!.setAttribute('src', `/generic2/web/viewer.html?file=${pdf}`);
    const found = findAttachments(doc, `${dir}t20240119_86344.htm`);
    expect(found).toEqual([
      { url: pdf, kind: 'pdf', text: expect.stringMatching(/^平潭综合实验区君山片区管理局 2023年/), embedded: true },
    ]);
  });

  it('no attachment on the pages that have none', async () => {
    for (const page of pages.filter((p) => !(p in PDF_PAGES))) {
      const { doc, url } = await loadPage(join(REAL, 'pingtan', page));
      expect(findAttachments(doc, url), page).toEqual([]);
    }
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// The sweep

const OLE = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
const stubPage = (title: string, href: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
   <div class="header"><a href="/">首页</a></div><h1>${title}</h1>
   <div class="TRS_Editor"><p>详见附件。</p><p>附件：<a href="${href}">${title}.docx</a></p></div></body></html>`;

describe('the sweep reads the attachment', () => {
  const parse = (html: string, url: string): LoadedPage => ({ doc: new JSDOM(html, { url }).window.document, url });
  const docx = join(FIXTURES, 'documents', 'pages__clean-2021.docx');
  const links = [
    { url: 'http://x.gov.cn/a/stub.html', text: '临江市水利局2023年政府信息公开工作年度报告' },
    { url: 'http://x.gov.cn/a/2022.docx', text: '临江市水利局2022年政府信息公开工作年度报告.docx' },
    { url: 'http://x.gov.cn/a/page.html', text: '临江市水利局2021年政府信息公开工作年度报告' },
  ];
  const pages: Record<string, string> = {
    'http://x.gov.cn/a/stub.html': stubPage(links[0].text, 'files/2023.docx'),
    'http://x.gov.cn/a/page.html': readFileSync(join(FIXTURES, 'pages', 'clean-2021.html'), 'utf8'),
  };

  it('a stub page’s attachment and a file linked by the listing are audited in place of the page', async () => {
    const loaded: string[] = [];
    const read: Attachment[] = [];
    const res = await sweep(links, {
      load: async (l) => (loaded.push(l.url), parse(pages[l.url], l.url)),
      loadAttachment: async (a) => (read.push(a), { ...(await loadPage(docx)), url: a.url }),
      delayMs: 0,
      copied: false,
    });
    expect(loaded).toEqual(['http://x.gov.cn/a/stub.html', 'http://x.gov.cn/a/page.html']);
    expect(read.map((a) => `${a.kind} ${a.url}`).sort()).toEqual([
      'docx http://x.gov.cn/a/2022.docx',
      'docx http://x.gov.cn/a/files/2023.docx',
    ]);
    const [stub, direct, page] = res.items;
    expect(stub).toMatchObject({ state: 'done', pageUrl: 'http://x.gov.cn/a/stub.html' });
    expect(stub.attachment).toMatchObject({ url: 'http://x.gov.cn/a/files/2023.docx', kind: 'docx' });
    expect(stub.result).toMatchObject({ detected: true, report: { format: '2021', agency: '临江市市场监督管理局' } });
    expect(stub.result?.reason).not.toBe('attachment');
    expect(direct.attachment).toMatchObject({ url: 'http://x.gov.cn/a/2022.docx', kind: 'docx' });
    expect(direct.result?.detected).toBe(true);
    expect(page.attachment).toBeUndefined();

    const rows = sweepRows(res.items, res.years);
    expect(rows.map((r) => r.attachment?.kind ?? '')).toEqual(['docx', 'docx', '']);
    expect(exportCells(rows).map((c) => c[10])).toEqual(['附件（DOCX）', '附件（DOCX）', '']);
    expect(exportCells(sweepRows(res.items, res.years, 'en'), 'en')[0][10]).toBe('attachment (DOCX)');
  });

  it('an attachment that cannot be read fails its row, which still names the attachment', async () => {
    const res = await sweep(links.slice(0, 1), {
      load: async (l) => parse(pages[l.url], l.url),
      loadAttachment: async () => {
        throw new LoadError('document', 'PDF 阅读器不可用');
      },
      delayMs: 0,
    });
    expect(res.items[0]).toMatchObject({
      state: 'failed',
      failure: { code: 'document' },
      attachment: { kind: 'docx' },
    });
    expect(exportCells(sweepRows(res.items, res.years))[0][10]).toBe('附件（DOCX）；无法读取附件：PDF 阅读器不可用');
  });

  it('without an attachment reader, the stub stands with its note', async () => {
    const res = await sweep(links.slice(0, 1), { load: async (l) => parse(pages[l.url], l.url), delayMs: 0 });
    expect(res.items[0].result).toMatchObject({ detected: true, reason: 'attachment', summary: { info: 1 } });
    expect(res.items[0].attachment).toBeUndefined();
  });
});

describe('the CLI sweep follows attachments over HTTP and in local copies', { timeout: 60_000 }, () => {
  let server: Server;
  let origin = '';
  const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf' };
  const listing = () =>
    `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><ul>
      <li><a href="/pages/attachment-stub.html">${TITLE}</a></li>
      <li><a href="/col/stub-docx.html">临江市市场监督管理局2023年政府信息公开工作年度报告</a></li>
      <li><a href="/documents/seeds__000.docx">临江市水利局2023年政府信息公开工作年度报告.docx</a></li>
      <li><a href="/col/legacy.doc">临江市水利局2022年政府信息公开工作年度报告.doc</a></li>
      <li><a href="/col/broken.pdf">临江市水利局2021年政府信息公开工作年度报告.pdf</a></li>
      <li><a href="/pages/clean-2021.html">临江市市场监督管理局2022年政府信息公开工作年度报告</a></li>
    </ul></body></html>`;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const send = (body: string | Uint8Array, type: string) => {
        res.writeHead(200, { 'content-type': type });
        res.end(body);
      };
      if (path === '/col/listing.html') return send(listing(), TYPES['.html']);
      if (path === '/col/stub-docx.html')
        return send(
          stubPage('临江市市场监督管理局2023年政府信息公开工作年度报告', '/documents/pages__clean-2021.docx'),
          TYPES['.html'],
        );
      if (path === '/col/legacy.doc') return send(OLE, 'application/msword');
      if (path === '/col/broken.pdf') return send('%PDF-1.4\n1 0 obj <<', 'application/pdf');
      const file = normalize(join(FIXTURES, path));
      if (!file.startsWith(FIXTURES)) return res.writeHead(403).end();
      try {
        // Word files as application/octet-stream: the type is not trusted, the bytes are.
        send(readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('audits the attachments and marks their rows; an unreadable one fails as a document', async () => {
    const res = await sweepLocal(`${origin}/col/listing.html`, { load: loadPage, delayMs: 0 });
    const rows = sweepRows(res.items, res.years);
    const at = (i: number) => rows[i];
    // The fixture stub links tests/fixtures/documents/pdf/seeds__000.pdf: read once the PDF reader is there.
    expect(at(0).attachment).toEqual({ url: `${origin}/documents/pdf/seeds__000.pdf`, kind: 'pdf' });
    if (at(0).status === 'ok') expect(at(0).agency).toBeTruthy();
    else expect(res.items[0].failure?.code).toBe('document');
    expect(at(1)).toMatchObject({
      status: 'ok',
      agency: '临江市市场监督管理局',
      year: 2023,
      format: '2021',
      attachment: { url: `${origin}/documents/pages__clean-2021.docx`, kind: 'docx' },
    });
    expect(at(2)).toMatchObject({ status: 'ok', attachment: { kind: 'docx' } });
    expect(at(3)).toMatchObject({ status: 'failed', attachment: { kind: 'doc' } });
    expect(res.items[3].failure?.code).toBe('document');
    expect(at(4)).toMatchObject({ status: 'failed', attachment: { kind: 'pdf' } });
    expect(res.items[4].failure?.code).toBe('document');
    expect(at(5)).toMatchObject({ status: 'ok', format: '2021' });
    expect(at(5).attachment).toBeUndefined();
  });

  it('a fetched Word file is told by its bytes, whatever its type', () => {
    const bytes = readFileSync(join(FIXTURES, 'documents', 'seeds__000.docx'));
    expect(sourceOf('http://x/a', bytes, 'text/html')).toHaveProperty('docx');
    expect(sourceOf('http://x/a', new TextEncoder().encode('<p>x</p>')).html).toBe('<p>x</p>');
  });

  it('--sweep on a local listing prints the row read from the attachment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sweep-attachments-'));
    const file = (p: string) => pathToFileURL(join(FIXTURES, p)).href;
    writeFileSync(
      join(dir, 'listing.html'),
      `<!doctype html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
       <a href="${file('documents/pages__clean-2021.docx')}">临江市市场监督管理局2023年政府信息公开工作年度报告.docx</a>
       <a href="${file('pages/attachment-stub.html')}">${TITLE}</a></body></html>`,
    );
    const r = spawnSync('npx', ['tsx', 'cli/audit.ts', '--sweep', join(dir, 'listing.html'), '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const { rows } = JSON.parse(r.stdout) as { rows: ReturnType<typeof sweepRows> };
    expect(rows[0]).toMatchObject({ status: 'ok', format: '2021', attachment: { kind: 'docx' } });
    expect(rows[1].attachment).toEqual({ url: file('documents/pdf/seeds__000.pdf'), kind: 'pdf' });
  });
});
