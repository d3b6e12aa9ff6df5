// A Word 97-2003 (.doc) report as a page. The binary file is read down to its paragraphs and tables,
// which are set down as the WordprocessingML body a .docx would carry (w:p; w:tbl with w:gridSpan,
// w:vMerge and w:gridBefore; w:hyperlink, w:drawing) and written into the page by docx.ts's
// writeDocx, so a report reads the same whichever Word format it came in. Byte arrays, DataView and
// TextDecoder only, so it runs the same in the extension and in Node.
//
// The layers, each read by a small function below ([MS-CFB], [MS-DOC]):
//   compound file (header, FAT, mini FAT, directory) → the WordDocument and 0Table/1Table streams
//   → the FIB (where everything else is) → the piece table (which bytes hold which characters)
//   → paragraph properties (PAPX in FKPs: in a table? the row's end? the row's cells and merges)
//   → paragraphs, cells and rows → WordprocessingML → HTML.
import { writeDocx } from './docx';
import { UnreadableDocument } from './unreadable';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const damaged = (what: string) => new UnreadableDocument(`Word 文档已损坏（${what}）`, 'damaged');

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

/** The slice [at, at + length) of `bytes`, which must all be there. */
function slice(bytes: Uint8Array, at: number, length: number, what: string): Uint8Array {
  if (at < 0 || length < 0 || at + length > bytes.length) throw damaged(what);
  return bytes.subarray(at, at + length);
}

// ---- The compound file: streams as chains of sectors, each sector naming the next in the FAT.

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Whether the bytes are an OLE compound file (a .doc, .xls, .ppt, or an encrypted .docx). */
export const isOle = (bytes: Uint8Array) => OLE.every((b, i) => bytes[i] === b);

const END_OF_CHAIN = 0xfffffffe;
const NO_ENTRY = 0xffffffff;

/** The sectors of a chain from `start`, as `next` links them; a loop or a link out of range is damage. */
function chain(start: number, next: Uint32Array): number[] {
  const sectors: number[] = [];
  for (let s = start; s !== END_OF_CHAIN; s = next[s]) {
    if (s >= next.length || sectors.length >= next.length) throw damaged('OLE 扇区链断裂');
    sectors.push(s);
  }
  return sectors;
}

/** The first `length` bytes of the sectors, in order. */
function gather(sectors: number[], read: (s: number) => Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const s of sectors) {
    if (at >= length) break;
    const part = read(s).subarray(0, length - at);
    out.set(part, at);
    at += part.length;
  }
  if (at < length) throw damaged('OLE 数据流不完整');
  return out;
}

/** Little-endian 32-bit values, as FAT and mini FAT sectors hold them. */
function words(bytes: Uint8Array): Uint32Array {
  const v = view(bytes);
  return Uint32Array.from({ length: bytes.length >> 2 }, (_, i) => v.getUint32(i * 4, true));
}

interface Entry {
  name: string;
  type: number; // 1 storage, 2 stream, 5 root
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

function entriesOf(dir: Uint8Array): Entry[] {
  const v = view(dir);
  return Array.from({ length: dir.length >> 7 }, (_, i) => {
    const at = i * 128;
    const nameBytes = Math.min(64, v.getUint16(at + 0x40, true));
    return {
      name: new TextDecoder('utf-16le').decode(dir.subarray(at, at + Math.max(0, nameBytes - 2))),
      type: dir[at + 0x42],
      left: v.getUint32(at + 0x44, true),
      right: v.getUint32(at + 0x48, true),
      child: v.getUint32(at + 0x4c, true),
      start: v.getUint32(at + 0x74, true),
      size: v.getUint32(at + 0x78, true), // the high half is unused in version 3 files, and no report is 4 GB
    };
  });
}

/** The entries directly under `parent` (a storage's children are a tree of siblings). */
function childrenOf(entries: Entry[], parent: Entry): Entry[] {
  const found: Entry[] = [];
  const seen = new Set<number>();
  const walk = (id: number) => {
    if (id === NO_ENTRY || seen.has(id)) return;
    const e = entries[id];
    if (!e) throw damaged('OLE 目录无效');
    seen.add(id);
    walk(e.left);
    found.push(e);
    walk(e.right);
  };
  walk(parent.child);
  return found;
}

/** The FAT: its own sectors are listed in the header (109 of them) and then in a chain of DIFAT sectors. */
function readFat(bytes: Uint8Array, sector: (s: number) => Uint8Array, sectorCount: number): Uint32Array {
  const head = view(bytes);
  const fatSectors = [...words(bytes.subarray(0x4c, 0x200))];
  for (let d = head.getUint32(0x44, true), n = head.getUint32(0x48, true); n > 0 && d !== END_OF_CHAIN; n--) {
    if (fatSectors.length > sectorCount + 109) throw damaged('OLE 分配表无效');
    const list = words(sector(d));
    fatSectors.push(...list.subarray(0, list.length - 1));
    d = list[list.length - 1];
  }
  const fatCount = head.getUint32(0x2c, true);
  if (fatCount > fatSectors.length) throw damaged('OLE 分配表不完整');
  return words(gather(fatSectors.slice(0, fatCount), sector, fatCount << head.getUint16(0x1e, true)));
}

/** The streams at the root of a compound file, read on demand by name (names are case-blind). */
function readCompoundFile(bytes: Uint8Array): (name: string) => Uint8Array | undefined {
  if (bytes.length < 512 || !isOle(bytes))
    throw new UnreadableDocument(
      '不是可读的 .doc 文件（不是 Word 97-2003 文档，可能已损坏或是改了扩展名的其他文件）',
      'not-word',
    );
  const head = view(bytes);
  const shift = head.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw damaged('OLE 文件头无效');
  const size = 1 << shift;
  const sectorCount = Math.ceil(bytes.length / size) - 1;
  const sector = (s: number) => {
    if (s >= sectorCount) throw damaged('文件被截断');
    return bytes.subarray((s + 1) * size, (s + 2) * size);
  };
  const fat = readFat(bytes, sector, sectorCount);
  const read = (start: number, length: number) => {
    if (length > bytes.length) throw damaged('OLE 数据流的长度超出文件');
    return gather(chain(start, fat), sector, length);
  };

  const dirStart = head.getUint32(0x30, true);
  const entries = entriesOf(read(dirStart, chain(dirStart, fat).length * size));
  const root = entries[0];
  if (root?.type !== 5) throw damaged('OLE 目录无效');
  // Streams under the cutoff (4096 bytes) live in the mini stream, in 64-byte sectors of their own.
  const cutoff = head.getUint32(0x38, true);
  const miniShift = head.getUint16(0x20, true);
  let mini: { stream: Uint8Array; fat: Uint32Array } | undefined;
  const miniOf = () => {
    const start = head.getUint32(0x3c, true);
    const fatBytes = start === END_OF_CHAIN ? new Uint8Array() : read(start, chain(start, fat).length * size);
    return (mini ??= { stream: read(root.start, root.size), fat: words(fatBytes) });
  };
  const readMini = (start: number, length: number) => {
    const { stream, fat: next } = miniOf();
    if (length > stream.length) throw damaged('OLE 数据流的长度超出文件');
    const piece = (s: number) => slice(stream, s << miniShift, 1 << miniShift, 'OLE 小数据流不完整');
    return gather(chain(start, next), piece, length);
  };

  const streams = new Map(childrenOf(entries, root).map((e) => [e.name.toUpperCase(), e]));
  return (name) => {
    const e = streams.get(name.toUpperCase());
    if (e?.type !== 2) return undefined;
    return e.size < cutoff ? readMini(e.start, e.size) : read(e.start, e.size);
  };
}

// ---- The FIB: the WordDocument stream's header, saying where the text and its properties are.

interface Fib {
  /** The table stream's name: 1Table or 0Table. */
  table: string;
  /** How many characters the main text has (footnotes, headers and text boxes follow it). */
  ccpText: number;
  /** The piece table (CLX) in the table stream: offset and length. */
  clx: [number, number];
  /** Where the FKPs of paragraph properties are (PlcBtePapx) in the table stream. */
  papx: [number, number];
}

function readFib(word: Uint8Array): Fib {
  if (word.length < 0x20) throw damaged('WordDocument 流太短');
  const v = view(word);
  if (v.getUint16(0, true) !== 0xa5ec)
    throw new UnreadableDocument('不是 Word 文档（WordDocument 流的标识不对）', 'not-word');
  const flags = v.getUint16(0x0a, true);
  if (flags & 0x0100) throw new UnreadableDocument('Word 文档已加密（设有打开密码），无法读取', 'encrypted');
  if (v.getUint16(2, true) < 0xc0)
    throw new UnreadableDocument('Word 95 或更早版本的 .doc 文件，暂不支持（可另存为 .docx 后再审）', 'old-word');
  // After the fixed 32 bytes: csw 16-bit values, cslw 32-bit values, then (offset, length) pairs.
  const at = (n: number) => {
    if (n + 4 > word.length) throw damaged('FIB 不完整');
    return n;
  };
  const csw = v.getUint16(at(0x20), true);
  const rgLw = 0x22 + csw * 2 + 2;
  const cslw = v.getUint16(at(rgLw - 2), true);
  const cbRgFcLcb = v.getUint16(at(rgLw + cslw * 4), true);
  const rgFcLcb = rgLw + cslw * 4 + 2;
  const pair = (i: number): [number, number] =>
    i < cbRgFcLcb ? [v.getUint32(at(rgFcLcb + i * 8), true), v.getUint32(at(rgFcLcb + i * 8 + 4), true)] : [0, 0];
  return {
    table: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: v.getInt32(at(rgLw + 12), true),
    papx: pair(13), // fcPlcfBtePapx
    clx: pair(33), // fcClx
  };
}

// ---- The piece table: the text as runs of characters, each stored 8-bit (cp1252) or UTF-16LE.

interface Piece {
  cp: number;
  cpEnd: number;
  /** Byte offset of the first character in the WordDocument stream. */
  fc: number;
  /** One byte a character (cp1252), else two (UTF-16LE). */
  compressed: boolean;
  /** Paragraph properties the piece adds (a Prc's grpprl), if any. */
  grpprl?: Uint8Array;
}

function readPieces(table: Uint8Array, [fcClx, lcbClx]: [number, number]): Piece[] {
  const clx = slice(table, fcClx, lcbClx, '分段表（CLX）不在表流中');
  const v = view(clx);
  // Property runs (Prc) come first; pieces may point to one of them by index.
  const prcs: Uint8Array[] = [];
  let at = 0;
  while (clx[at] === 0x01) {
    const cb = v.getInt16(at + 1, true);
    prcs.push(slice(clx, at + 3, cb, '分段表（CLX）无效'));
    at += 3 + cb;
  }
  if (clx[at] !== 0x02 || at + 5 > clx.length) throw damaged('分段表（CLX）无效');
  const plc = slice(clx, at + 5, v.getUint32(at + 1, true), '分段表（CLX）无效');
  const n = (plc.length - 4) / 12;
  if (!Number.isInteger(n) || n < 1) throw damaged('分段表（CLX）无效');
  const p = view(plc);
  return Array.from({ length: n }, (_, i) => {
    const pcd = 4 * (n + 1) + 8 * i;
    const fc = p.getUint32(pcd + 2, true);
    const prm = p.getUint16(pcd + 6, true);
    const compressed = (fc & 0x40000000) !== 0;
    return {
      cp: p.getUint32(4 * i, true),
      cpEnd: p.getUint32(4 * i + 4, true),
      fc: compressed ? (fc & 0x3fffffff) / 2 : fc & 0x3fffffff,
      compressed,
      grpprl: prm & 1 ? prcs[prm >> 1] : undefined, // (a Prm0, one sprm by a short code, is not read)
    };
  });
}

// ---- Paragraph properties: runs of the WordDocument stream (by byte offset), each with its sprms.

/** A run of bytes [fc, fcEnd) whose paragraph marks carry these properties (sprms). */
interface PapRun {
  fc: number;
  fcEnd: number;
  grpprl: Uint8Array;
}

/** The paragraph property runs of every FKP page the PlcBtePapx lists, in stream order. */
function readPapRuns(word: Uint8Array, table: Uint8Array, [fc, lcb]: [number, number]): PapRun[] {
  const plc = slice(table, fc, lcb, '段落属性表不在表流中');
  const n = (plc.length - 4) / 8;
  if (!Number.isInteger(n)) throw damaged('段落属性表无效');
  const pages = Array.from({ length: n }, (_, i) => view(plc).getUint32(4 * (n + 1) + 4 * i, true) & 0x3fffff);
  return pages.flatMap((pn) => fkpRuns(slice(word, pn * 512, 512, '段落属性页不在文档流中')));
}

/** The runs of one 512-byte PAPX FKP: crun offsets, then per run the PAPX's place (in words). */
function fkpRuns(fkp: Uint8Array): PapRun[] {
  const v = view(fkp);
  const crun = fkp[511];
  if ((crun + 1) * 4 + crun * 13 > 511) throw damaged('段落属性页无效');
  return Array.from({ length: crun }, (_, i) => {
    const papx = fkp[(crun + 1) * 4 + i * 13] * 2;
    let grpprl: Uint8Array = new Uint8Array();
    if (papx) {
      // A PAPX: its size (cb: 2cb-1 bytes; 0 means the next byte gives 2cb'), the style, the sprms.
      const cb = fkp[papx];
      const [from, size] = cb ? [papx + 1, 2 * cb - 1] : [papx + 2, 2 * fkp[papx + 1]];
      grpprl = slice(fkp, from + 2, Math.max(0, size - 2), '段落属性页无效');
    }
    return { fc: v.getUint32(4 * i, true), fcEnd: v.getUint32(4 * i + 4, true), grpprl };
  });
}

/** The run holding byte offset `fc`, by binary search (runs are in stream order). */
function runAt(runs: PapRun[], fc: number): PapRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (fc < runs[mid].fc) hi = mid - 1;
    else if (fc >= runs[mid].fcEnd) lo = mid + 1;
    else return runs[mid];
  }
  return undefined;
}

// ---- Sprms: property changes, each a 16-bit code whose top bits say how long its operand is.

const sprmPFInTable = 0x2416;
const sprmPFTtp = 0x2417;
const sprmPItap = 0x6649;
const sprmPDtap = 0x664a;
const sprmPFInnerTtp = 0x244c;
const sprmPHugePapx = 0x6646;
const sprmTDefTable = 0xd608;
const sprmTVertMerge = 0xd62b;
const sprmPChgTabs = 0xc615;

/** The operand's length of the sprm whose operand starts at `at`. */
function operandLength(sprm: number, g: Uint8Array, at: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
  }
  // Variable: a length byte first, but for these two.
  if (sprm === sprmTDefTable) return 1 + view(g).getUint16(at, true); // 2-byte cb, counting one more
  if (sprm === sprmPChgTabs && g[at] === 255) {
    const deleted = g[at + 1];
    return 3 + deleted * 4 + g[at + 2 + deleted * 4] * 3;
  }
  return 1 + g[at];
}

/** Each sprm of a grpprl with its operand; a sprm cut short ends the list. */
function* sprms(g: Uint8Array): Generator<[number, Uint8Array]> {
  for (let at = 0; at + 2 <= g.length;) {
    const sprm = view(g).getUint16(at, true);
    const length = operandLength(sprm, g, at + 2);
    if (at + 2 + length > g.length) return;
    yield [sprm, g.subarray(at + 2, at + 2 + length)];
    at += 2 + length;
  }
}

/** A table row's cells as sprmTDefTable sets them: their edges (twips) and merge flags. */
interface RowDef {
  /** Cell i spans edges[i] to edges[i + 1]. */
  edges: number[];
  /** Per cell, TC flags: 0x01 first of a horizontal merge, 0x02 merged into the one before (Word 97),
   *  0x20 vertically merged, 0x40 where a vertical merge starts. */
  flags: number[];
}

/** What the audit needs of a paragraph's properties. */
interface ParaProps {
  inTable: boolean;
  /** The table row's end mark (TTP). */
  rowEnd: boolean;
  /** Table depth: 1 in a table, 2 and more in tables nested in its cells. */
  depth: number;
  innerRowEnd: boolean;
  row?: RowDef;
}

function rowDefOf(op: Uint8Array): RowDef {
  const v = view(op);
  const n = op[2];
  const edges = Array.from({ length: n + 1 }, (_, i) =>
    3 + 2 * i + 2 <= op.length ? v.getInt16(3 + 2 * i, true) : NaN,
  );
  // The TC of each cell (20 bytes, flags first); cells past the end of the operand have none.
  const tcs = 3 + 2 * (n + 1);
  const flags = Array.from({ length: n }, (_, i) =>
    tcs + 20 * i + 2 <= op.length ? v.getUint16(tcs + 20 * i, true) : 0,
  );
  return { edges, flags };
}

/** Apply a grpprl's sprms to `props` (the Data stream holds a PAPX too long for its FKP). */
function applySprms(g: Uint8Array, props: ParaProps, data: () => Uint8Array | undefined): void {
  for (const [sprm, op] of sprms(g)) {
    const v = view(op);
    switch (sprm) {
      case sprmPFInTable:
        props.inTable = op[0] !== 0;
        break;
      case sprmPFTtp:
        props.rowEnd = op[0] !== 0;
        break;
      case sprmPItap:
        props.depth = v.getInt32(0, true);
        break;
      case sprmPDtap:
        props.depth += v.getInt32(0, true);
        break;
      case sprmPFInnerTtp:
        props.innerRowEnd = op[0] !== 0;
        break;
      case sprmTDefTable:
        props.row = rowDefOf(op);
        break;
      case sprmTVertMerge:
        // itc, then 1 (merged into the cell above) or 3 (a merge starts here) or 0.
        if (props.row && op[1] < props.row.flags.length)
          props.row.flags[op[1]] = (props.row.flags[op[1]] & ~0x60) | ((op[2] & 1) << 5) | ((op[2] & 2) << 5);
        break;
      case sprmPHugePapx: {
        const bytes = data();
        if (!bytes) throw damaged('缺少 Data 流');
        const at = v.getUint32(0, true);
        const size = view(slice(bytes, at, 2, 'Data 流不完整')).getUint16(0, true);
        applySprms(slice(bytes, at + 2, size, 'Data 流不完整'), props, data);
        break;
      }
    }
  }
}

// ---- The text: characters to WordprocessingML paragraphs, fields to links, marks to paragraph ends.

const PARAGRAPH_END = 0x0d;
const CELL_END = 0x07; // also ends a table row (with the row-end property)
const SECTION_END = 0x0c; // a page or section break: also ends a paragraph
const LINE_BREAK = 0x0b;
const TAB = 0x09;
const PICTURE = 0x01;
const DRAWN_OBJECT = 0x08;
const NON_BREAKING_HYPHEN = 0x1e;
const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;

interface Paragraph {
  p: Element;
  props: ParaProps;
  /** Ended by a cell mark (the end of a cell, or of a row). */
  cellEnd: boolean;
}

/** A field being read: its instructions (until the separator), then its result (shown). */
interface Field {
  code: string;
  inResult: boolean;
  link?: Element;
}

/** A HYPERLINK field's target: the URL, with its bookmark (\l) as the fragment. */
function hrefOf(code: string): string | undefined {
  const m = /^\s*HYPERLINK\b(.*)$/is.exec(code);
  if (!m) return undefined;
  const args = [...m[1].matchAll(/"([^"]*)"|(\S+)/g)].map((a) => a[1] ?? a[2]);
  let url = '';
  let anchor = '';
  for (let i = 0; i < args.length; i++) {
    if (args[i].toLowerCase() === '\\l') anchor = args[++i] ?? '';
    else if (args[i].startsWith('\\')) i += args[i].toLowerCase() === '\\o' || args[i].toLowerCase() === '\\t' ? 1 : 0;
    else if (!url) url = args[i];
  }
  return url + (anchor ? `#${anchor}` : '') || undefined;
}

/** Reads the main text character by character into w:p elements of `xml`. */
class TextReader {
  readonly paragraphs: Paragraph[] = [];
  readonly links = new Map<string, string>();
  private p: Element;
  private into: Element; // the paragraph, or a hyperlink in it
  private text = '';
  private fields: Field[] = [];

  constructor(
    private readonly xml: Document,
    private readonly propsAt: (fc: number, piece: Piece) => ParaProps,
  ) {
    this.p = this.into = this.w('p');
  }

  private w(name: string): Element {
    return this.xml.createElementNS(W, `w:${name}`);
  }

  /** Put pending text down as a run. */
  private flush(): void {
    if (!this.text) return;
    const t = this.into.appendChild(this.w('r')).appendChild(this.w('t'));
    t.textContent = this.text;
    this.text = '';
  }

  private add(name: 'br' | 'tab' | 'drawing'): void {
    this.flush();
    this.into.appendChild(this.w('r')).appendChild(this.w(name));
  }

  private endParagraph(fc: number, piece: Piece, cellEnd: boolean): void {
    this.flush();
    this.paragraphs.push({ p: this.p, props: this.propsAt(fc, piece), cellEnd });
    this.p = this.into = this.w('p');
    for (const f of this.fields) f.link = undefined; // a link does not run on into the next paragraph
  }

  private field(c: number): void {
    if (c === FIELD_BEGIN) this.fields.push({ code: '', inResult: false });
    const f = this.fields[this.fields.length - 1];
    if (!f) return;
    this.flush();
    if (c === FIELD_SEPARATOR && !f.inResult) {
      f.inResult = true;
      const href = hrefOf(f.code);
      if (href !== undefined && this.shown()) {
        const id = `rId${this.links.size + 1}`;
        this.links.set(id, href);
        f.link = this.into.appendChild(this.w('hyperlink'));
        f.link.setAttributeNS(R, 'r:id', id);
        this.into = f.link;
      }
    } else if (c === FIELD_END) {
      this.fields.pop();
      if (f.link) this.into = f.link.parentElement ?? this.p;
    }
  }

  /** Whether text here is shown: not in any field's instructions. */
  private shown(): boolean {
    return this.fields.every((f) => f.inResult);
  }

  /** One character of the text, at byte offset `fc` of its piece. */
  char(c: number, ch: string, fc: number, piece: Piece): void {
    if (c === FIELD_BEGIN || c === FIELD_SEPARATOR || c === FIELD_END) return this.field(c);
    if (c === PARAGRAPH_END || c === CELL_END || c === SECTION_END) return this.endParagraph(fc, piece, c === CELL_END);
    if (!this.shown()) {
      // Instructions; a field nested in them gives its result to the instructions around it.
      const f = this.fields.findLast((g) => !g.inResult);
      if (f) f.code += ch;
      return;
    }
    if (c === LINE_BREAK) this.add('br');
    else if (c === TAB) this.add('tab');
    else if (c === PICTURE || c === DRAWN_OBJECT) this.add('drawing');
    else if (c === NON_BREAKING_HYPHEN) this.text += '-';
    else if (c >= 0x20) this.text += ch; // other marks (footnote references, optional hyphens) are not text
  }

  /** The paragraph left open at the end of the text, if it has anything. */
  finish(fc: number, piece: Piece): void {
    this.flush();
    if (this.p.firstChild) this.endParagraph(fc, piece, false);
  }
}

/** Windows-1252 for 0x80–0x9F (the rest is Latin-1), by hand: Node's TextDecoder reads it as Latin-1. */
const CP1252_80 = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
const cp1252 = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_80[b - 0x80] : String.fromCharCode(b))).join('');

/** Every character of the main text, piece by piece, to the reader. */
function readText(word: Uint8Array, pieces: Piece[], ccpText: number, reader: TextReader): void {
  const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true }); // a BOM is a character, not a marker
  let last: Piece | undefined;
  for (const piece of pieces) {
    const count = Math.min(piece.cpEnd, ccpText) - piece.cp;
    if (count <= 0) continue;
    const width = piece.compressed ? 1 : 2;
    const bytes = slice(word, piece.fc, count * width, '文本不在文档流中');
    const text = piece.compressed ? cp1252(bytes) : utf16.decode(bytes);
    for (let i = 0; i < count; i++) reader.char(text.charCodeAt(i), text[i], piece.fc + i * width, piece);
    last = piece;
  }
  if (last) reader.finish(last.fc, last);
}

// ---- Tables: paragraphs gathered into cells, cells into rows (each closed by its row-end mark).

interface Row {
  cells: Element[][];
  def?: RowDef;
}

/** A cell placed on its table's grid: first column, columns spanned, and vertical merge. */
interface Placed {
  paragraphs: Element[];
  col: number;
  span: number;
  merge?: 'restart' | 'continue';
}

/**
 * The cells on the grid of the table's cell edges (the union of all rows' edges), so a cell as wide
 * as two below it spans two columns. Undefined when a row's cells are not all described.
 */
function placeCells(rows: Row[]): Placed[][] | undefined {
  const described = (r: Row) =>
    r.def?.edges.length === r.cells.length + 1 && r.def.edges.every((e, i, all) => !i || e >= all[i - 1]);
  if (!rows.every(described)) return undefined;
  const grid = [...new Set(rows.flatMap((r) => r.def!.edges))].sort((a, b) => a - b);
  return rows.map(({ cells, def }) => {
    const { edges, flags } = def!;
    const placed: Placed[] = [];
    cells.forEach((paragraphs, i) => {
      const [col, end] = [grid.indexOf(edges[i]), grid.indexOf(edges[i + 1])];
      const before = placed[placed.length - 1];
      // Word 97's horizontal merge keeps the merged cells, empty, after the first: widen the first.
      if (flags[i] & 0x02 && !(flags[i] & 0x01) && before) before.span = Math.max(1, end - before.col);
      else {
        const merge = flags[i] & 0x20 ? (flags[i] & 0x40 ? 'restart' : 'continue') : undefined;
        placed.push({ paragraphs, col, span: Math.max(1, end - col), merge });
      }
    });
    return placed;
  });
}

/** The rows as a w:tbl; without a readable grid, one cell for each cell of the text. */
function tableOf(rows: Row[], xml: Document): Element {
  const w = (parent: Element, name: string, val?: string) => {
    const el = parent.appendChild(xml.createElementNS(W, `w:${name}`));
    if (val !== undefined) el.setAttributeNS(W, 'w:val', val);
    return el;
  };
  const tbl = xml.createElementNS(W, 'w:tbl');
  const placed: Placed[][] =
    placeCells(rows) ?? rows.map((r) => r.cells.map((paragraphs, col) => ({ paragraphs, col, span: 1 })));
  for (const cells of placed) {
    const tr = w(tbl, 'tr');
    if (cells[0]?.col) w(w(tr, 'trPr'), 'gridBefore', String(cells[0].col));
    for (const cell of cells) {
      const tc = w(tr, 'tc');
      if (cell.span > 1 || cell.merge) {
        const pr = w(tc, 'tcPr');
        if (cell.span > 1) w(pr, 'gridSpan', String(cell.span));
        if (cell.merge) w(pr, 'vMerge', cell.merge === 'restart' ? 'restart' : undefined);
      }
      for (const p of cell.paragraphs) tc.appendChild(p);
    }
  }
  return tbl;
}

/** The paragraphs into `body`: outside tables as they are, in tables as cells of rows of tables. */
function layOut(paragraphs: Paragraph[], body: Element): void {
  let rows: Row[] = [];
  let cells: Element[][] = [];
  let cell: Element[] = [];
  const endCell = () => {
    if (cell.length) cells.push(cell);
    cell = [];
  };
  const endRow = (def?: RowDef) => {
    endCell();
    if (cells.length) rows.push({ cells, def });
    cells = [];
  };
  const endTable = () => {
    endRow(); // a row the text cut short, without its end mark
    if (rows.length) body.appendChild(tableOf(rows, body.ownerDocument));
    rows = [];
  };
  for (const { p, props, cellEnd } of paragraphs) {
    if (!props.inTable) {
      endTable();
      body.appendChild(p);
    } else if (props.depth > 1) {
      if (!props.innerRowEnd) cell.push(p); // a table nested in a cell: its text, in the cell
    } else if (props.rowEnd) endRow(props.row);
    else {
      cell.push(p);
      if (cellEnd) endCell();
    }
  }
  endTable();
}

/** The paragraph properties at a paragraph mark: its FKP run's, then its piece's. */
function propsReader(word: Uint8Array, table: Uint8Array, fib: Fib, stream: (name: string) => Uint8Array | undefined) {
  const runs = readPapRuns(word, table, fib.papx);
  let dataStream: Uint8Array | undefined;
  const data = () => (dataStream ??= stream('Data')); // pictures are there too: read only when needed
  return (fc: number, piece: Piece): ParaProps => {
    const props: ParaProps = { inTable: false, rowEnd: false, depth: 0, innerRowEnd: false };
    const run = runAt(runs, fc);
    if (run) applySprms(run.grpprl, props, data);
    if (piece.grpprl) applySprms(piece.grpprl, props, data);
    props.inTable ||= props.depth > 0;
    if (props.inTable) props.depth = Math.max(1, props.depth); // Word 97 gives no depth
    return props;
  };
}

/**
 * Read a .doc file (Word 97-2003) into `out` (an empty HTML document). Throws one clear line for
 * what is not a readable .doc: another kind of file, an encrypted (password-protected) or damaged one.
 */
export function readDoc(bytes: Uint8Array, out: Document): void {
  const xml = out.implementation.createDocument(W, 'w:document', null);
  const body = xml.documentElement.appendChild(xml.createElementNS(W, 'w:body'));
  let links: Map<string, string>;
  try {
    const stream = readCompoundFile(bytes);
    // A password-protected .docx is an OLE file too: EncryptionInfo, then the EncryptedPackage.
    if (stream('EncryptionInfo'))
      throw new UnreadableDocument('Word 文档已加密（设有打开密码），无法读取', 'encrypted');
    const word = stream('WordDocument');
    if (!word)
      throw new UnreadableDocument(
        '不是 Word 文档（OLE 文件中没有 WordDocument 流，可能是 Excel、PowerPoint 等文件）',
        'not-word',
      );
    const fib = readFib(word);
    const table = stream(fib.table);
    if (!table) throw damaged(`缺少 ${fib.table} 流`);
    const reader = new TextReader(xml, propsReader(word, table, fib, stream));
    readText(word, readPieces(table, fib.clx), fib.ccpText, reader);
    layOut(reader.paragraphs, body);
    links = reader.links;
  } catch (e) {
    if (e instanceof UnreadableDocument) throw e; // a damaged file, or not one to read
    throw damaged('结构无法解析'); // a length or an offset out of range: the file is not what it says
  }
  writeDocx(xml, out, links);
}
