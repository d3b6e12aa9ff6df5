// The table readers on small tables written out row by row: what each reads from which cell, in the
// layouts real portals use (the fixture pages test the same readers end to end, through the rules).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { buildGrid } from '../lib/tables/grid';
import { headerRanges, toLogical, type LogicalTable, type ValueCell } from '../lib/tables/logical';
import { parseT2 } from '../lib/tables/t2';
import { parseT3 } from '../lib/tables/t3';
import { parseT4 } from '../lib/tables/t4';

/** What a reader read: the number, or the text it took for one (so a label read as a value shows). */
const read = (v: ValueCell | undefined) => (v && v.kind !== 'text' ? v.value : v?.raw);

/** A cell is its text, optionally "@r2c3" for rowspan 2, colspan 3. */
type Rows = (string | number)[][];

function html(rows: Rows): string {
  const td = (cell: string | number) => {
    const [text, span = ''] = String(cell).split('@');
    const r = /r(\d+)/.exec(span)?.[1];
    const c = /c(\d+)/.exec(span)?.[1];
    return `<td${r ? ` rowspan="${r}"` : ''}${c ? ` colspan="${c}"` : ''}>${text}</td>`;
  };
  return `<table>${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</table>`;
}

/** The tables, read as one logical table (several: parts split at a page break). */
function logical(...parts: Rows[]): LogicalTable {
  const doc = new JSDOM(parts.map(html).join('<p>…</p>')).window.document;
  return toLogical([...doc.querySelectorAll('table')].map((t, i) => buildGrid(t, i)));
}

const T3_HEAD: Rows = [
  ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）@r3c3', '申请人情况@c7'],
  ['自然人@r2', '法人或其他组织@c5', '总计@r2'],
  ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
];
const NEW = ['一、本年新收政府信息公开申请数量@c3', 48, 12, 1, 0, 5, 2, 68];
const TOTAL = ['（七）总计@c2', 40, 11, 1, 0, 5, 2, 59];

describe('parseT3: row by label, column by header, wherever they sit', () => {
  const cases: [string, Rows, [row: string, col: string, value: number][]][] = [
    [
      'the template layout',
      [
        ...T3_HEAD,
        NEW,
        ['三、本年度办理结果@r4', '（一）予以公开@c2', 20, 5, 1, 0, 2, 1, 29],
        ['（三）不予公开@r2', '1.属于国家秘密', 0, 0, 0, 0, 0, 0, 0],
        ['2.其他法律行政法规禁止公开', 3, 0, 0, 0, 0, 0, 3],
        TOTAL,
      ],
      [
        ['new', 'natural', 48],
        ['new', 'total', 68],
        ['r1', 'business', 5],
        ['r3.1', 'natural', 0],
        ['r3.2', 'natural', 3],
        ['total', 'total', 59],
      ],
    ],
    [
      'a group cell spanning fewer rows than its items, the last item in the first column',
      [
        ...T3_HEAD,
        NEW,
        [
          '三、本年度办理结果@r4',
          '（六）其他处理@r2',
          '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
          1,
          0,
          0,
          0,
          0,
          0,
          1,
        ],
        ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 0, 0, 0, 0, 0, 0, 0],
        ['3.其他@c2', 4, 0, 0, 0, 0, 0, 4],
        TOTAL,
      ],
      [
        ['r6.1', 'natural', 1],
        ['r6.2', 'total', 0],
        ['r6.3', 'natural', 4],
        ['r6.3', 'total', 4],
        ['total', 'natural', 40],
      ],
    ],
    [
      'a stray empty cell after the values',
      [...T3_HEAD, [...NEW, ''], TOTAL],
      [
        ['new', 'natural', 48],
        ['new', 'total', 68],
      ],
    ],
    [
      'the table split at a page break, its header repeated',
      [...T3_HEAD, NEW],
      [
        ['new', 'total', 68],
        ['total', 'total', 59],
      ],
    ],
  ];
  it.each(cases)('%s', (name, rows, reads) => {
    const t = name.includes('split') ? parseT3(logical(rows, [...T3_HEAD, TOTAL])) : parseT3(logical(rows));
    const got = reads.map(([row, col]) => [row, col, read(t.rows.get(row)?.values[col as 'natural'])]);
    expect(got).toEqual(reads);
  });

  it('an old column label is read as its column and noted as a label, not a missing column', () => {
    const head = T3_HEAD.map((r) => r.map((c) => (c === '社会公益组织' ? '社会组织' : c)));
    const t = parseT3(logical([...head, NEW, TOTAL]));
    expect(t.cols.public).toMatchObject({ label: '社会组织', fuzzy: true });
    expect(read(t.rows.get('new')!.values.public)).toBe(0);
    expect(t.shape.filter((s) => s.kind === 'missing-col')).toEqual([]);
  });
});

const block = (n: string, cols: string[], ...items: Rows) => [
  [`第二十条第（${n}）项@c${cols.length + 1}`],
  ['信息内容', ...cols],
  ...items,
];
const IN_FORCE = ['本年制发件数', '本年废止件数', '现行有效件数'];

describe('parseT2: the columns decide the format; items by label within their block', () => {
  const cases: [string, Rows, string, [item: string, col: string, value: number][]][] = [
    [
      '2021 blocks',
      [
        ...block('一', IN_FORCE, ['规章', 0, 0, 0], ['行政规范性文件', 2, 1, 10]),
        ...block('五', ['本年处理决定数量'], ['行政许可', 356]),
      ],
      '2021',
      [
        ['一:行政规范性文件', 'issued', 2],
        ['一:行政规范性文件', 'inForce', 10],
        ['五:行政许可', 'decisions', 356],
      ],
    ],
    [
      'the old row label 规范性文件 under 2021 columns',
      block('一', IN_FORCE, ['规章', 0, 0, 0], ['规范性文件', 3, 0, 7]),
      '2021',
      [['一:行政规范性文件', 'inForce', 7]],
    ],
    [
      '2019 columns',
      block('一', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], ['规章', 0, 0, 0], ['规范性文件', 4, 4, 30]),
      '2019',
      [['一:规范性文件', 'totalPublic', 30]],
    ],
  ];
  it.each(cases)('%s', (_, rows, format, reads) => {
    const t = parseT2(logical(rows));
    expect(t.format).toBe(format);
    expect(reads.map(([item, col]) => [item, col, read(t.items.get(item)?.values[col])])).toEqual(reads);
  });

  it('an old row label is one table.label note, not a missing row', () => {
    const t = parseT2(logical(block('一', IN_FORCE, ['规章', 0, 0, 0], ['规范性文件', 3, 0, 7])));
    expect(t.labels.map((l) => [l.found, l.expected])).toEqual([['规范性文件', '行政规范性文件']]);
    const missing = t.shape.flatMap((s) => (s.kind === 'missing-row' ? s.names : []));
    expect(missing.join()).not.toMatch(/规范性文件/); // only the blocks this small table leaves out
  });
});

const KINDS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const T4_HEAD: Rows = [
  ['行政复议@c5', '行政诉讼@c10'],
  [...KINDS.map((k) => `${k}@r2`), '未经复议直接起诉@c5', '复议后起诉@c5'],
  [...KINDS, ...KINDS],
];
const T4_VALUES = [2, 1, 0, 1, 4, 1, 0, 1, 0, 2, 0, 0, 0, 1, 1];

describe('parseT4: the value row is the row of numbers under the header, wherever it ends', () => {
  const cases: [string, Rows][] = [
    ['the template layout', [...T4_HEAD, T4_VALUES]],
    ['a blank row between header and values', [...T4_HEAD, Array(15).fill(''), T4_VALUES]],
    [
      'one header row of group + kind labels',
      [
        [
          ...KINDS.map((k) => `行政复议${k}`),
          ...KINDS.map((k) => `直接起诉${k}`),
          ...KINDS.map((k) => `复议后起诉${k}`),
        ],
        T4_VALUES,
      ],
    ],
  ];
  it.each(cases)('%s', (_, rows) => {
    const t = parseT4(logical(rows));
    expect([read(t.cells['review.total']), read(t.cells['direct.total']), read(t.cells['after.total'])]).toEqual([
      4, 2, 1,
    ]);
    expect(t.values.map((v) => read(v.v))).toEqual(T4_VALUES);
    expect(t.shape).toEqual([]);
  });
});

describe('headerRanges: a column is named by the distinct header cells above it', () => {
  const classify = (key: string) => {
    for (const id of ['自然人', '商业企业', '科研机构', '总计']) if (key.includes(id)) return { id, fuzzy: key !== id };
    return null;
  };
  const cases: [string, Rows, [id: string, start: number, end: number, label: string][]][] = [
    [
      'one header row',
      [['自然人', '商业企业', '总计']],
      [
        ['自然人', 0, 1, '自然人'],
        ['商业企业', 1, 2, '商业企业'],
        ['总计', 2, 3, '总计'],
      ],
    ],
    [
      '商业 over 企业 joins up',
      [['自然人@r2', '商业', '总计@r2'], ['企业']],
      [
        ['自然人', 0, 1, '自然人'],
        ['商业企业', 1, 2, '商业企业'],
        ['总计', 2, 3, '总计'],
      ],
    ],
    [
      'a header spanning two grid columns is one range',
      [['自然人@c2', '总计']],
      [
        ['自然人', 0, 2, '自然人'],
        ['总计', 2, 3, '总计'],
      ],
    ],
    [
      'a number is never a header',
      [
        ['自然人', '科研机构', '总计'],
        ['1', '2', '3'],
      ],
      [
        ['自然人', 0, 1, '自然人'],
        ['科研机构', 1, 2, '科研机构'],
        ['总计', 2, 3, '总计'],
      ],
    ],
    [
      'a repeated header keeps the first',
      [['总计', '自然人', '总计']],
      [
        ['总计', 0, 1, '总计'],
        ['自然人', 1, 2, '自然人'],
      ],
    ],
  ];
  it.each(cases)('%s', (_, rows, ranges) => {
    const t = logical(rows);
    const got = headerRanges(t, 0, t.rows.length, classify).map((r) => [r.id, r.start, r.end, r.label]);
    expect(got).toEqual(ranges);
  });
});
