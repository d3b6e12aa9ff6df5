// Copied text (year.copied-text, text.copied-from) from prose digests: exact findings on crafted
// reports (our own wording), the masking, the digest's size and shape, and the LSH index finding
// one copied pair among hundreds of different reports.
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../lib/report/build';
import { COPY_RULES, copiedFindings, proseDigest, type CopyReport } from '../lib/sweep/copied';
import { RULES } from '../lib/rules';
import { maskProse, nameForms } from '../lib/text/shingles';

const HEADINGS: Record<number, string> = {
  1: '一、总体情况',
  2: '二、主动公开政府信息情况',
  3: '三、收到和处理政府信息公开申请情况',
  4: '四、政府信息公开行政复议、行政诉讼情况',
  5: '五、存在的主要问题及改进情况',
  6: '六、其他需要报告的事项',
};

type Model = Pick<ReportModel, 'sections' | 'prose' | 'agency' | 'signer'>;
function model(agency: string, parts: Record<number, string>): Model {
  const sections = new Map(
    Object.keys(parts).map((k) => [Number(k), { n: Number(k), heading: { text: HEADINGS[Number(k)] } }]),
  ) as unknown as ReportModel['sections'];
  return { agency, signer: null, sections, prose: (n) => ({ text: parts[n] ?? '', starts: [], els: [] }) };
}
const report = (index: number, agency: string, year: number, parts: Record<number, string>): CopyReport => ({
  index,
  agency,
  year,
  prose: proseDigest(model(agency, parts)),
});

// A seeded generator of distinct prose: sentences of words drawn from a pool.
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), (x >>> 0) / 2 ** 32);
}
const WORDS =
  '推进 规范 公开 平台 栏目 解读 回应 关切 制度 审查 培训 队伍 更新 发布 信息 政策 文件 目录 标准 基层 网站 新媒体 考核 监督 群众 企业 办事 指南 服务 流程 数据 开放 会议 意见 征集 答复 申请 办理 时限 质量 细化 台账 机制 督查 整改 落实 部署 专题 动态 年度 计划 重点 领域 民生 财政 预算 项目 审批 执法 统计 档案 查阅'.split(
    ' ',
  );
function prose(seed: number, sentences: number): string {
  const r = prng(seed);
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const n = 8 + Math.floor(r() * 6);
    out.push(Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]).join('') + '。');
  }
  return out.join('');
}

const FEE = '本年度没有收取信息处理费。';
const T4 = '本年度未发生政府信息公开行政复议、行政诉讼案件。';

const brief = (fs: ReturnType<typeof copiedFindings>) =>
  fs.map((f) => [f.ruleId, `${f.index}←${f.prevIndex}`, f.location, f.outcome, f.params.similarity]);

describe('masking', () => {
  it('masks numbers, dates, Chinese numerals and the body’s names; drops punctuation and spaces', () => {
    const names = nameForms('临江市河西片区管理局');
    expect(names).toEqual(['临江市河西片区管理局', '河西片区管理局', '河西片区']);
    expect(maskProse('2023年1月1日，河西片区管理局公开信息１２条（二〇二三年：8.5%）。', names)).toBe(
      '#年#月#日※公开信息#条#年#',
    );
    expect(maskProse('临江市河西片区管理局 第三季度', names)).toBe(
      maskProse('临江市东山片区管理局 第四季度', nameForms('临江市东山片区管理局')),
    );
  });
});

describe('the rules', () => {
  it('are data with the catalog metadata and are not single-page rules', () => {
    expect(COPY_RULES.map((r) => [r.id, r.severity, r.category])).toEqual([
      ['year.copied-text', 'warning', 'year'],
      ['text.copied-from', 'warning', 'text'],
    ]);
    for (const r of COPY_RULES) {
      expect(RULES.some((x) => x.id === r.id)).toBe(false);
      expect(Object.keys(r.messages.default).sort()).toEqual(['en', 'zh']);
    }
  });
});

describe('year.copied-text', () => {
  const five22 = `2022年，我局政务公开工作仍有差距：${prose(1, 6)}下一步，我局将${prose(2, 5)}`;
  const five23 = five22.replace(/2022/g, '2023').replace('我局政务公开', '我局政务公开');
  const agency = '临江市河西片区管理局';

  it('flags part 五 repeated from last year with the numbers changed, side by side; not a rewritten 一', () => {
    const reports = [
      report(0, agency, 2022, { 1: prose(10, 8), 5: five22, 6: FEE }),
      report(1, agency, 2023, { 1: prose(11, 8), 5: five23.replace('6', '9'), 6: FEE }),
    ];
    const fs = copiedFindings(reports);
    expect(brief(fs)).toEqual([['year.copied-text', '1←0', '五、存在的主要问题及改进情况', 'violation', 100]]);
    expect(fs[0]).toMatchObject({
      severity: 'warning',
      category: 'year',
      agency,
      year: 2023,
      prevYear: 2022,
      prevAgency: agency,
      message: '五、存在的主要问题及改进情况：与 2022 年报告 100% 相同（数字、名称不计）',
    });
    expect(fs[0].params.this).toBe(five23.slice(0, 120));
    expect(fs[0].params.other).toBe(five22.slice(0, 120));
    expect(copiedFindings(reports, { locale: 'en' })[0].message).toBe(
      '五、存在的主要问题及改进情况: 100% the same as the 2022 report (numbers and names aside)',
    );
  });

  it('puts a partly rewritten part up for review, not as a violation', () => {
    const last = prose(3, 10);
    const sentences = last.split('。');
    const edited = [...sentences.slice(0, 7), prose(4, 1).slice(0, -1), ''].join('。');
    const fs = copiedFindings([report(0, agency, 2022, { 5: last }), report(1, agency, 2023, { 5: edited })]);
    expect(brief(fs).map((f) => f.slice(0, 4))).toEqual([
      ['year.copied-text', '1←0', '五、存在的主要问题及改进情况', 'review'],
    ]);
    expect(fs[0].params.similarity).toBeGreaterThanOrEqual(80);
    expect(fs[0].params.similarity).toBeLessThan(90);
  });

  it('leaves short parts alone, however alike (a sentence or two of boilerplate)', () => {
    const short = '本年度我局政务公开工作总体平稳，未发现突出问题，将继续加强学习培训，提升工作水平。';
    const fs = copiedFindings([
      report(0, agency, 2022, { 1: short, 5: short, 6: FEE }),
      report(1, agency, 2023, { 1: short, 5: short, 6: FEE }),
    ]);
    expect(fs).toEqual([]);
  });

  it('compares consecutive years of one body only', () => {
    const parts = { 5: five22 };
    expect(copiedFindings([report(0, agency, 2021, parts), report(1, agency, 2023, parts)])).toEqual([]);
  });
});

describe('text.copied-from', () => {
  const body = (name: string) => ({
    1: `2023年，${name}坚持${prose(20, 20)}${name}${prose(21, 8)}`,
    2: prose(22, 2),
    4: T4,
    5: `${name}${prose(23, 12)}`,
    6: FEE,
  });

  it('flags another body’s report with the name changed, each against the other in the same year', () => {
    const fs = copiedFindings([
      report(0, '临江市河西片区管理局', 2023, body('河西片区管理局')),
      report(1, '临江市东山片区管理局', 2023, body('东山片区')),
    ]);
    expect(brief(fs)).toEqual([
      ['text.copied-from', '0←1', '一、总体情况', 'violation', 100],
      ['text.copied-from', '1←0', '一、总体情况', 'violation', 100],
    ]);
    expect(fs[1]).toMatchObject({
      category: 'text',
      prevAgency: '临江市河西片区管理局',
      message: '全文与临江市河西片区管理局2023年报告 100% 相同（数字、名称不计），如一、总体情况',
    });
    expect(fs[1].params.this).toBe(body('东山片区')[1].slice(0, 120));
    expect(fs[1].params.other).toBe(body('河西片区管理局')[1].slice(0, 120));
  });

  it('does not call the earlier report a copy of a later one', () => {
    const fs = copiedFindings([
      report(0, '临江市河西片区管理局', 2022, body('河西片区')),
      report(1, '临江市东山片区管理局', 2023, body('东山片区')),
    ]);
    expect(brief(fs)).toEqual([['text.copied-from', '1←0', '一、总体情况', 'violation', 100]]);
  });

  it('leaves it to year.copied-text when the body’s own earlier report says the same', () => {
    const fs = copiedFindings([
      report(0, '临江市东山片区管理局', 2021, body('东山片区')),
      report(1, '临江市河西片区管理局', 2022, body('河西片区')),
      report(2, '临江市河西片区管理局', 2023, body('河西片区')),
    ]);
    expect(brief(fs)).toEqual([
      ['text.copied-from', '1←0', '一、总体情况', 'violation', 100],
      ['year.copied-text', '2←1', '一、总体情况', 'violation', 100],
      ['year.copied-text', '2←1', '五、存在的主要问题及改进情况', 'violation', 100],
    ]);
  });

  it('finds nothing in genuinely different reports that share the boilerplate', () => {
    const own = (seed: number, name: string) => ({
      1: `2023年，${name}坚持以人民为中心，认真贯彻落实政府信息公开条例，${prose(seed, 10)}`,
      2: prose(seed + 1, 2),
      4: T4,
      5: `${name}政府信息公开工作还存在一些不足。${prose(seed + 2, 6)}`,
      6: FEE,
    });
    const fs = copiedFindings([
      report(0, '临江市河西片区管理局', 2023, own(30, '河西片区')),
      report(1, '临江市东山片区管理局', 2023, own(40, '东山片区')),
      report(2, '临江市东山片区管理局', 2022, own(50, '东山片区')),
    ]);
    expect(fs).toEqual([]);
  });

  it('finds the one copied pair among hundreds of different reports (the LSH index)', () => {
    const reports = Array.from({ length: 300 }, (_, i) => report(i, `临江市第${i}号片区管理局`, 2023, body(String(i))));
    for (const r of reports)
      r.prose = proseDigest(model(r.agency!, { 1: prose(1000 + r.index, 24), 5: prose(5000 + r.index, 6) }));
    reports[250].prose = proseDigest(model(reports[250].agency!, { 1: prose(1000 + 17, 24), 5: prose(5000 + 17, 6) }));
    expect(brief(copiedFindings(reports))).toEqual([
      ['text.copied-from', '17←250', '一、总体情况', 'violation', 100],
      ['text.copied-from', '250←17', '一、总体情况', 'violation', 100],
    ]);
  });
});

describe('the digest', () => {
  it('is small, plain data (survives structured clone) and skips reports without an agency or year', () => {
    const parts = { 1: prose(60, 60), 2: prose(61, 3), 3: prose(62, 3), 4: T4, 5: prose(63, 20), 6: FEE };
    const d = proseDigest(model('临江市河西片区管理局', parts));
    const bytes =
      d.shingles.byteLength +
      d.minhash.byteLength +
      Object.values(d.parts).reduce((a, p) => a + p.shingles.byteLength + 2 * (p.excerpt.length + p.heading.length), 0);
    expect(bytes).toBeLessThan(6000);
    expect(structuredClone(d)).toEqual(d);
    expect(Object.keys(d.parts)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(d.parts[1].heading).toBe('一、总体情况');
    expect(
      copiedFindings([
        { index: 0, agency: null, year: 2023, prose: d },
        { index: 1, agency: 'x', year: null, prose: d },
      ]),
    ).toEqual([]);
  });
});

describe('in the sweep (on by default)', () => {
  // The fixture column is one page with the agency, years and numbers changed: copies by construction.
  it('flags the fixture column’s copies: 一 and 五 year to year, and the two bodies’ first reports', async () => {
    const { sweep } = await import('../lib/sweep/sweep');
    const { loadPage } = await import('../cli/load');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, 'fixtures', 'column');
    const files = ['smj-2021', 'smj-2022', 'smj-2023', 'tjj-2021', 'tjj-2022', 'tjj-2023'];
    const links = files.map((f) => ({ url: join(dir, `${f}.html`), text: f }));
    // With the single-page rules passed, as the extension's sweep page does: they are not copy rules.
    const { RULES } = await import('../lib/rules');
    const run = (copied?: boolean) => sweep(links, { load: (l) => loadPage(l.url), delayMs: 0, copied, rules: RULES });
    const res = await run();
    const copies = res.years.filter((y) => y.ruleId.includes('copied'));
    expect(copies.map((y) => `${y.ruleId} ${files[y.index]}←${files[y.prevIndex]} ${y.location} ${y.outcome}`)).toEqual(
      [
        'text.copied-from smj-2021←tjj-2021 一、总体情况 violation',
        'year.copied-text smj-2022←smj-2021 一、总体情况 violation',
        'year.copied-text smj-2022←smj-2021 五、存在的主要问题及改进情况 violation',
        'year.copied-text smj-2023←smj-2022 一、总体情况 violation',
        'year.copied-text smj-2023←smj-2022 五、存在的主要问题及改进情况 violation',
        'text.copied-from tjj-2021←smj-2021 一、总体情况 violation',
        'year.copied-text tjj-2022←tjj-2021 一、总体情况 violation',
        'year.copied-text tjj-2022←tjj-2021 五、存在的主要问题及改进情况 violation',
        'year.copied-text tjj-2023←tjj-2022 一、总体情况 violation',
        'year.copied-text tjj-2023←tjj-2022 五、存在的主要问题及改进情况 violation',
      ],
    );
    expect(copies[0].message).toBe('全文与临江市统计局2021年报告 100% 相同（数字、名称不计），如一、总体情况');
    // The cross-year rules are still there, and nothing is compared for copies when turned off.
    expect(res.years.filter((y) => !y.ruleId.includes('copied')).map((y) => y.ruleId)).toEqual([
      'year.in-force',
      'year.carry-over',
      'year.carry-over',
    ]);
    expect((await run(false)).years.map((y) => y.ruleId)).toEqual([
      'year.in-force',
      'year.carry-over',
      'year.carry-over',
    ]);
  }, 60_000);
});
