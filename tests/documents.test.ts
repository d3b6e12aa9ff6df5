// Reports published as Word files: a .docx gives the same findings as the same report as a page,
// and what is not a readable .docx says so in one line. The documents are fixture reports saved
// by LibreOffice (tests/fixtures/documents/make.ts); the small cases below are WordprocessingML
// written by hand, for what office suites do with merged cells, pictures and links.
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../cli/load';
import { audit } from '../lib/audit';
import { readDocx, writeDocx } from '../lib/documents/docx';
import { FIXTURES, keyOf } from './expected';
import { ARTICLE_URL, auditArticle, judgedCellKeys } from './fixtures/documents/article';
import { DOCUMENT_PAGES } from './fixtures/documents/pages';

const URL = ARTICLE_URL;

describe('a report as a Word file reads as the same report as a page', () => {
  it.each(DOCUMENT_PAGES)('%s', async (page) => {
    const docx = join(FIXTURES, 'documents', `${page.replace(/\.html$/, '').replace(/\//g, '__')}.docx`);
    const fromWord = audit((await loadPage(docx)).doc, { url: URL }).result;
    const fromPage = auditArticle(page).result;
    expect(fromWord.detected).toBe(true);
    expect(fromWord.findings.map(keyOf).sort()).toEqual(fromPage.findings.map(keyOf).sort());
    // And against our judgement of the page: every finding about a table cell is there, on its cell.
    expect(fromWord.findings.map(keyOf)).toEqual(expect.arrayContaining(judgedCellKeys(page)));
  });
});

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(text)}</w:tc>`;

/** Body XML → the HTML document it is written as. */
function written(body: string, links = new Map<string, string>()): Document {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  const xml = new window.DOMParser().parseFromString(
    `<w:document ${NS}><w:body>${body}</w:body></w:document>`,
    'application/xml',
  );
  writeDocx(xml, window.document, links);
  return window.document;
}
const cells = (doc: Document) =>
  [...doc.querySelectorAll('tr')].map((tr) =>
    [...tr.cells].map(
      (td) => `${td.textContent}${td.rowSpan > 1 ? `↓${td.rowSpan}` : ''}${td.colSpan > 1 ? `→${td.colSpan}` : ''}`,
    ),
  );

describe('writeDocx', () => {
  it('a vertical merge is one cell with a rowspan; a horizontal one a colspan', () => {
    const doc = written(
      `<w:tbl>
        <w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('20')}</w:tr>
        <w:tr>${tc('', '<w:vMerge/>')}${tc('（三）不予公开')}${tc('1.属于国家秘密')}${tc('0')}</w:tr>
        <w:tr>${tc('', '<w:vMerge/>')}${tc('（七）总计', '<w:gridSpan w:val="2"/>')}${tc('20')}</w:tr>
      </w:tbl>`,
    );
    expect(cells(doc)).toEqual([
      ['三、本年度办理结果↓3', '（一）予以公开→2', '20'],
      ['（三）不予公开', '1.属于国家秘密', '0'],
      ['（七）总计→2', '20'],
    ]);
  });

  it('a row that starts later (gridBefore) continues the merge in its own column', () => {
    const doc = written(
      `<w:tbl>
        <w:tr>${tc('a')}${tc('b', '<w:vMerge w:val="restart"/>')}</w:tr>
        <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('', '<w:vMerge/>')}</w:tr>
      </w:tbl>`,
    );
    expect(cells(doc)).toEqual([['a', 'b↓2'], []]);
  });

  it('pictures, links, breaks and content controls are kept; deleted text is not', () => {
    const doc = written(
      `<w:p><w:r><w:drawing/></w:r></w:p>
       <w:p><w:hyperlink r:id="rId9"><w:r><w:t>统计表.pdf</w:t></w:r></w:hyperlink></w:p>
       <w:sdt><w:sdtContent>${p('封面')}</w:sdtContent></w:sdt>
       <w:p><w:r><w:t>一行</w:t><w:br/><w:t>两行</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>`,
      new Map([['rId9', '/files/2024/统计表.pdf']]),
    );
    expect(doc.querySelectorAll('img')).toHaveLength(1);
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('/files/2024/统计表.pdf');
    expect([...doc.querySelectorAll('p')].map((e) => e.textContent)).toEqual(['', '统计表.pdf', '封面', '一行两行']);
    expect(doc.querySelectorAll('p br')).toHaveLength(1);
  });

  it.each([
    [
      'the first line',
      [p('某局2023年政府信息公开工作年度报告'), p('一、总体情况')],
      '某局2023年政府信息公开工作年度报告',
    ],
    [
      'after a cover line',
      [p('某某市人民政府'), p('某某市2023年政府信息公开工作年度报告')],
      '某某市2023年政府信息公开工作年度报告',
    ],
    ['set in two lines', [p('某局2023年政府信息'), p('公开工作年度报告')], '某局2023年政府信息公开工作年度报告'],
    [
      'not the preamble citing the format notice',
      [
        p(
          '本报告依据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》编制。',
        ),
      ],
      '本报告依据《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》编制。',
    ],
  ])('the title: %s', (_, paragraphs, title) => {
    expect(written(paragraphs.join('')).title).toBe(title);
  });
});

describe('what is not a readable .docx says so in one line', () => {
  const read = async (bytes: Uint8Array) => {
    const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
    return readDocx(bytes, new window.DOMParser(), window.document);
  };

  it.each([
    ['a legacy .doc (an OLE file)', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ['random bytes', new TextEncoder().encode('not a zip at all')],
  ])('%s', async (_, bytes) => {
    await expect(read(bytes)).rejects.toThrow('不是可读的 .docx 文件（可能是旧版 .doc、已加密或已损坏）');
  });

  it('a zip that is not a Word document', async () => {
    const zip = new JSZip().file('hello.txt', 'hi');
    await expect(read(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow('缺少 word/document.xml');
  });

  it('a damaged document part', async () => {
    const zip = new JSZip().file('word/document.xml', '<w:document><w:body>');
    await expect(read(await zip.generateAsync({ type: 'uint8array' }))).rejects.toThrow('word/document.xml 无法解析');
  });
});
