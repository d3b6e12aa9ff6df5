// Reports published as Word 97-2003 files (.doc): each gives the same findings as the same report as
// a page, and reads as the same document as its .docx; what is not a readable .doc says so in one
// line. The documents are fixture reports saved by LibreOffice (tests/fixtures/documents/make.ts
// --doc); the small cases below are .doc files written here, byte by byte, for what Word writes and
// LibreOffice does not (8-bit text, Word 97's merged cells, a row without its cell edges).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../cli/load';
import { audit } from '../lib/audit';
import { readDoc } from '../lib/documents/doc';
import { AuditResultSchema } from '../lib/result-schema';
import { FIXTURES, keyOf } from './expected';
import { ARTICLE_URL, auditArticle, judgedCellKeys } from './fixtures/documents/article';

const URL = ARTICLE_URL;
const DOCUMENTS = join(FIXTURES, 'documents');
/** The .doc fixtures by name (seeds__000), each the report of a fixture page (seeds/000.html). */
const NAMES = readdirSync(DOCUMENTS)
  .filter((n) => n.endsWith('.doc') && n !== 'encrypted.doc')
  .map((n) => n.replace(/\.doc$/, ''))
  .sort();
const pageOf = (name: string) => `${name.replace('__', '/')}.html`;

/** A document's paragraphs and table cells as lines: text, ↓rowspan, →colspan, [img], <href>. */
function shape(doc: Document): string[] {
  const mark = (el: Element) =>
    `${el.textContent}${el.querySelectorAll('img').length ? '[img]' : ''}${[...el.querySelectorAll('a')].map((a) => `<${a.getAttribute('href')}>`).join('')}`;
  return [...doc.body.children].flatMap((el) =>
    el.tagName === 'TABLE'
      ? [...(el as HTMLTableElement).rows].map((tr) =>
          [...tr.cells]
            .map(
              (td) => `${mark(td)}${td.rowSpan > 1 ? `↓${td.rowSpan}` : ''}${td.colSpan > 1 ? `→${td.colSpan}` : ''}`,
            )
            .join(' | '),
        )
      : [mark(el)],
  );
}

describe('a report as a .doc reads as the same report as a page', () => {
  it('has fixtures for the seeds, the merged table (三), table arithmetic, prose, pictures and links', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(7);
    expect(NAMES).toEqual(
      expect.arrayContaining([
        'seeds__000',
        'seeds__002',
        'pages__clean-2021',
        'pages__legacy-2019',
        'rules__sum.t3-balance.fail',
        'rules__table.shape.fail-3',
        'rules__text.count-mismatch.fail',
      ]),
    );
  });

  it.each(NAMES)('%s', async (name) => {
    const page = pageOf(name);
    const fromWord = audit((await loadPage(join(DOCUMENTS, `${name}.doc`))).doc, { url: URL }).result;
    const fromPage = auditArticle(page).result;
    expect(fromWord.detected).toBe(true);
    expect(fromWord.findings.map(keyOf).sort()).toEqual(fromPage.findings.map(keyOf).sort());
    // And against our judgement of the page: every finding about a table cell is there, on its cell.
    expect(fromWord.findings.map(keyOf)).toEqual(expect.arrayContaining(judgedCellKeys(page)));
  });

  it.each(NAMES)('%s reads as the same document as its .docx', async (name) => {
    const [doc, docx] = await Promise.all([
      loadPage(join(DOCUMENTS, `${name}.doc`)),
      loadPage(join(DOCUMENTS, `${name}.docx`)),
    ]);
    expect(doc.doc.title).toBe(docx.doc.title);
    expect(shape(doc.doc)).toEqual(shape(docx.doc));
  });

  it('table (三) keeps its merged cells: the 22-row outcome label, the header cells', async () => {
    const rows = shape((await loadPage(join(DOCUMENTS, 'seeds__000.doc'))).doc);
    expect(rows).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）↓3→3 | 申请人情况→7');
    expect(rows).toContain('自然人↓2 | 法人或其他组织→5 | 总计↓2');
    expect(rows).toContain('三、本年度办理结果↓22 | （一）予以公开→2 | 0 | 0 | 0 | 0 | 0 | 0 | 0');
    expect(rows).toContain('（三）不予公开↓8 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0');
  });

  it('the CLI audits a .doc', () => {
    const r = spawnSync('npx', ['tsx', 'cli/audit.ts', join(DOCUMENTS, 'seeds__000.doc'), '--json'], {
      cwd: join(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(AuditResultSchema.safeParse(json).success).toBe(true);
    expect(json).toMatchObject({ detected: true, report: { agency: '乐清市金融工作服务中心', year: 2023 } });
  });
});

// ---- .doc files written here: a compound file of streams, and a Word document of paragraphs.

const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
const END = 0xfffffffe;
const FREE = 0xffffffff;

/** A compound file of these root streams (512-byte sectors; each stream padded to 4096 bytes so none
 *  goes in the mini stream), its directory, then its FAT. */
function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const sectors: number[][] = [];
  const fat: number[] = [];
  const put = (data: number[]) => {
    const start = sectors.length;
    for (let at = 0; at < data.length; at += 512) {
      sectors.push(data.slice(at, at + 512));
      fat.push(at + 512 < data.length ? sectors.length : END);
    }
    return start;
  };
  const entry = (name: string, type: number, right: number, child: number, start: number, size: number) => {
    const e = new Array(128).fill(0);
    [...name].forEach((c, i) => e.splice(i * 2, 2, ...u16(c.charCodeAt(0))));
    e.splice(0x40, 4, ...u16((name.length + 1) * 2), type, 1);
    e.splice(0x44, 12, ...u32(FREE), ...u32(right), ...u32(child));
    e.splice(0x74, 8, ...u32(start), ...u32(size));
    return e;
  };
  const names = Object.keys(streams);
  const dir = entry('Root Entry', 5, FREE, names.length ? 1 : FREE, END, 0);
  names.forEach((name, i) => {
    const data = [...streams[name], ...new Array(Math.max(0, 4096 - streams[name].length)).fill(0)];
    dir.push(...entry(name, 2, i + 2 <= names.length ? i + 2 : FREE, FREE, put(data), data.length));
  });
  const dirStart = put([...dir, ...new Array((512 - (dir.length % 512)) % 512).fill(0)]);
  const fatSectors = Math.ceil((sectors.length + 1) / 127);
  const fatStart = sectors.length;
  for (let i = 0; i < fatSectors; i++) fat.push(0xfffffffd); // the FAT's own sectors
  const fatBytes = [...fat.flatMap(u32), ...new Array(fatSectors * 512 - fat.length * 4).fill(0xff)];
  for (let at = 0; at < fatBytes.length; at += 512) sectors.push(fatBytes.slice(at, at + 512));
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(16).fill(0)];
  header.push(...u16(0x3e), ...u16(3), ...u16(0xfffe), ...u16(9), ...u16(6), ...new Array(10).fill(0));
  header.push(
    ...u32(fatSectors),
    ...u32(dirStart),
    ...u32(0),
    ...u32(4096),
    ...u32(END),
    ...u32(0),
    ...u32(END),
    ...u32(0),
  );
  for (let i = 0; i < 109; i++) header.push(...u32(i < fatSectors ? fatStart + i : FREE));
  return Uint8Array.from([...header, ...sectors.flat()]);
}

/** A paragraph: its text with its mark (\r, or \x07 ending a cell or a row), its sprms, and whether
 *  its piece is 8-bit (Windows-1252) text. */
interface Para {
  text: string;
  sprms?: number[];
  compressed?: boolean;
}

const CP1252: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96 };
const inTable = [...u16(0x2416), 1];
const rowEnd = [...inTable, ...u16(0x2417), 1];
const depth = (n: number) => [...u16(0x6649), ...u32(n)];
const innerRowEnd = [...u16(0x244c), 1];
/** sprmTDefTable: the cells' edges (twips) and each cell's TC flags. */
const cellsOf = (edges: number[], flags: number[] = []) => {
  const tcs = edges.slice(1).flatMap((_, i) => [...u16(flags[i] ?? 0), ...new Array(18).fill(0)]);
  const operand = [edges.length - 1, ...edges.flatMap(u16), ...tcs];
  return [...u16(0xd608), ...u16(operand.length + 1), ...operand];
};
const vertMerge = (cell: number, flag: 1 | 3) => [...u16(0xd62b), 2, cell, flag];

/** A Word 97 document of these paragraphs: each its own piece of text and its own property run. */
function wordFile(paras: Para[], { nFib = 0xc1, flags = 0x0200 } = {}): Uint8Array {
  const word: number[] = new Array(1024).fill(0); // the FIB, filled in below
  const pieces: { cp: number; fc: number }[] = [];
  const runs: { fc: number; fcEnd: number; sprms: number[] }[] = [];
  let cp = 0;
  for (const { text, sprms = [], compressed } of paras) {
    const fc = word.length;
    for (const c of text) word.push(...(compressed ? [CP1252[c] ?? c.charCodeAt(0)] : u16(c.charCodeAt(0))));
    pieces.push({ cp, fc: compressed ? fc * 2 + 0x40000000 : fc });
    runs.push({ fc, fcEnd: word.length, sprms });
    cp += text.length;
  }
  // The paragraph properties, as many runs as fit on each 512-byte FKP page.
  const pages: { fc: number; pn: number }[] = [];
  for (let i = 0; i < runs.length;) {
    while (word.length % 512) word.push(0);
    const page = new Array(512).fill(0);
    let papxAt = 511; // PAPXs fill the page from its end; the runs' offsets and places, from its start
    const onPage: typeof runs = [];
    const bx: number[] = [];
    for (; i < runs.length; i++) {
      const papx = [0, 0, 0, ...runs[i].sprms]; // cb, istd, sprms: 2cb bytes in all
      if (papx.length % 2) papx.push(0);
      papx[0] = papx.length / 2;
      const at = (papxAt - papx.length) & ~1;
      if (at < (bx.length + 2) * 4 + (bx.length + 1) * 13) break;
      page.splice((papxAt = at), papx.length, ...papx);
      onPage.push(runs[i]);
      bx.push(at / 2);
    }
    onPage.forEach((r, j) => page.splice(j * 4, 4, ...u32(r.fc)));
    page.splice(onPage.length * 4, 4, ...u32(onPage[onPage.length - 1].fcEnd));
    bx.forEach((b, j) => (page[(onPage.length + 1) * 4 + j * 13] = b));
    page[511] = onPage.length;
    pages.push({ fc: onPage[0].fc, pn: word.length / 512 });
    word.push(...page);
  }
  // The table stream: the piece table, then where the FKP pages are.
  const plcPcd = [...pieces.map((p) => p.cp), cp]
    .flatMap(u32)
    .concat(pieces.flatMap((p) => [0, 0, ...u32(p.fc), 0, 0]));
  const clx = [2, ...u32(plcPcd.length), ...plcPcd];
  const bte = [...pages.map((p) => p.fc), runs[runs.length - 1].fcEnd]
    .flatMap(u32)
    .concat(pages.flatMap((p) => u32(p.pn)));
  // The FIB: identity and flags, then csw=14 16-bit values, cslw=22 32-bit values, 93 (fc, lcb) pairs.
  const set = (at: number, bytes: number[]) => word.splice(at, bytes.length, ...bytes);
  set(0, [...u16(0xa5ec), ...u16(nFib)]);
  set(0x0a, u16(flags));
  set(0x20, u16(14));
  set(0x3e, u16(22));
  set(0x4c, u32(cp)); // ccpText
  set(0x98, u16(93));
  set(0x9a + 13 * 8, [...u32(clx.length), ...u32(bte.length)]); // fcPlcfBtePapx, lcb
  set(0x9a + 33 * 8, [...u32(0), ...u32(clx.length)]); // fcClx, lcb
  return compoundFile({ WordDocument: Uint8Array.from(word), '1Table': Uint8Array.from([...clx, ...bte]) });
}

function read(bytes: Uint8Array): Document {
  const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>');
  readDoc(bytes, window.document);
  return window.document;
}

describe('readDoc', () => {
  it('reads 8-bit and UTF-16 text, breaks, pictures, and of fields their results; links keep their targets', () => {
    const doc = read(
      wordFile([
        { text: 'Plain “quoted” text – 2023\r', compressed: true },
        { text: '一行\x0b两行\t完\r' },
        { text: '见\x13 HYPERLINK "/files/统计表.pdf" \x14统计表\x15。\r' },
        { text: '第\x13 PAGE \x141\x15页\x01\r' },
      ]),
    );
    expect(shape(doc)).toEqual([
      'Plain “quoted” text – 2023',
      '一行两行 完',
      '见统计表。</files/统计表.pdf>',
      '第1页[img]',
    ]);
    expect(doc.querySelectorAll('p br')).toHaveLength(1);
  });

  it('a Word 97 horizontal merge is a colspan, sprmTVertMerge a rowspan; a row may start later', () => {
    const edges = [0, 1000, 2000, 3000];
    const doc = read(
      wordFile([
        { text: 'a\x07', sprms: inTable },
        { text: 'b\x07', sprms: inTable },
        { text: '\x07', sprms: inTable },
        { text: '\x07', sprms: [...rowEnd, ...cellsOf(edges, [0, 0x01, 0x02])] },
        { text: 'c\x07', sprms: inTable },
        { text: 'd\x07', sprms: inTable },
        { text: 'e\x07', sprms: inTable },
        { text: '\x07', sprms: [...rowEnd, ...cellsOf(edges), ...vertMerge(0, 3)] },
        { text: '\x07', sprms: inTable },
        { text: 'f\x07', sprms: inTable },
        { text: '\x07', sprms: [...rowEnd, ...cellsOf([0, 1000, 3000]), ...vertMerge(0, 1)] },
        { text: 'g\x07', sprms: inTable },
        { text: '\x07', sprms: [...rowEnd, ...cellsOf([1000, 3000])] },
        { text: '表后\r' },
      ]),
    );
    expect(shape(doc)).toEqual(['a | b→2', 'c↓2 | d | e', 'f→2', 'g→2', '表后']);
  });

  it('a table whose cell edges cannot be read has one cell for each cell of the text', () => {
    const doc = read(
      wordFile([
        { text: 'x\x07', sprms: inTable },
        { text: 'y\x07', sprms: inTable },
        { text: '\x07', sprms: rowEnd },
        { text: 'z\x07', sprms: inTable },
        { text: '\x07', sprms: [...rowEnd, ...cellsOf([0, 1000, 2000])] }, // two edges' cells, one cell
      ]),
    );
    expect(shape(doc)).toEqual(['x | y', 'z']);
  });

  it('a table nested in a cell gives the cell its text', () => {
    const inner = [...inTable, ...depth(2)];
    const doc = read(
      wordFile([
        { text: '里1\r', sprms: [...inner, ...u16(0x244b), 1] },
        { text: '里2\r', sprms: [...inner, ...u16(0x244b), 1] },
        { text: '\r', sprms: [...inner, ...innerRowEnd, ...cellsOf([0, 500, 1000])] },
        { text: '外\x07', sprms: [...inTable, ...depth(1)] },
        { text: '\x07', sprms: [...rowEnd, ...depth(1), ...cellsOf([0, 1000])] },
      ]),
    );
    expect(shape(doc)).toEqual(['里1里2外']);
    expect(doc.querySelectorAll('td br')).toHaveLength(2);
  });
});

describe('what is not a readable .doc says so in one line', () => {
  const fixture = new Uint8Array(readFileSync(join(DOCUMENTS, 'seeds__002.doc')));
  const zeroed = fixture.slice();
  zeroed.fill(0, 512, 4096); // the FAT and the directory

  it.each([
    ['not an OLE file', new TextEncoder().encode('<html>不是 Word 文档</html>'), '不是可读的 .doc 文件'],
    [
      'an OLE file without Word in it',
      compoundFile({ Workbook: new Uint8Array(100) }),
      '不是 Word 文档（OLE 文件中没有 WordDocument 流',
    ],
    [
      'an encrypted .doc',
      new Uint8Array(readFileSync(join(DOCUMENTS, 'encrypted.doc'))),
      'Word 文档已加密（设有打开密码），无法读取',
    ],
    [
      'an encrypted .docx (an OLE file too)',
      compoundFile({ EncryptionInfo: new Uint8Array(8), EncryptedPackage: new Uint8Array(8) }),
      'Word 文档已加密（设有打开密码），无法读取',
    ],
    ['a Word 95 file', wordFile([{ text: 'x\r' }], { nFib: 0x65 }), 'Word 95 或更早版本的 .doc 文件'],
    ['a truncated file', fixture.subarray(0, 20000), 'Word 文档已损坏（'],
    ['a damaged file', zeroed, 'Word 文档已损坏（'],
  ])('%s', (_, bytes, message) => {
    let error: unknown;
    try {
      read(bytes);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a .docx renamed .doc and a .doc renamed .docx are read as what they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'doc-test-'));
    copyFileSync(join(DOCUMENTS, 'seeds__002.docx'), join(dir, 'renamed.doc'));
    copyFileSync(join(DOCUMENTS, 'seeds__002.doc'), join(dir, 'renamed.docx'));
    const [a, b] = await Promise.all([loadPage(join(dir, 'renamed.doc')), loadPage(join(dir, 'renamed.docx'))]);
    expect(shape(a.doc)).toEqual(shape(b.doc));
    await expect(loadPage(join(DOCUMENTS, 'encrypted.doc'))).rejects.toThrow('Word 文档已加密');
  });
});
