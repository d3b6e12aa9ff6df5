// The inspection log's pure parts (lib/log/): a re-audit updates its entry, a changed page keeps its
// earlier counts, the cap drops the oldest audited, the previous-year lookup (sameAgency variants),
// today's count, the background's private-window rule, the content hash, and an entry built from
// a real audit that crosses a JSON message and still drives the year.* rules.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPage } from '../cli/load';
import { audit } from '../lib/audit';
import { LOG_CAP, type LogEntry } from '../lib/log/entry';
import { entryFromAudit } from '../lib/log/from-audit';
import { contentHash } from '../lib/log/hash';
import { auditedToday, dayRange, logKey, mayRecord, overCap, previousYear, recordEntry } from '../lib/log/record';
import { decodeWire, encodeWire } from '../lib/log/wire';
import type { YearView } from '../lib/report/cross';
import { checkYears } from '../lib/sweep/years';

const COLUMN = join(import.meta.dirname, 'fixtures', 'column');
const counts = (error = 0, warning = 0) => ({ error, warning, info: 0, review: 0 });
const view = (year: number): YearView => ({ year, tables: {} });

function entry(over: Partial<LogEntry> = {}): LogEntry {
  const at = over.auditedAt ?? '2024-03-01T02:00:00.000Z';
  return {
    url: 'http://www.linjiang.gov.cn/tjj/2023.html',
    title: '临江市统计局2023年政府信息公开工作年度报告',
    agency: '临江市统计局',
    year: 2023,
    format: '2021',
    publishedAt: '2024-01-20',
    counts: counts(),
    findings: [],
    auditedAt: at,
    firstAuditedAt: at,
    hash: 'aaaa',
    versions: [],
    via: 'page',
    digest: { agency: over.agency ?? '临江市统计局', view: view(over.year ?? 2023), prose: null as never },
    ...over,
  };
}

describe('recordEntry', () => {
  it('a first audit is the entry itself, without versions', () => {
    const e = recordEntry(undefined, entry());
    expect(e.versions).toEqual([]);
    expect(e.firstAuditedAt).toBe(e.auditedAt);
  });

  it('the same content again: the entry is updated (latest audit, first audit kept), no version added', () => {
    const first = recordEntry(undefined, entry({ counts: counts(2) }));
    const again = recordEntry(first, entry({ auditedAt: '2024-03-02T02:00:00.000Z', counts: counts(1), via: 'click' }));
    expect(again).toMatchObject({
      auditedAt: '2024-03-02T02:00:00.000Z',
      firstAuditedAt: '2024-03-01T02:00:00.000Z',
      counts: counts(1),
      via: 'click',
      versions: [],
    });
  });

  it('changed content keeps both versions’ counts, oldest first', () => {
    const v1 = recordEntry(undefined, entry({ hash: 'h1', counts: counts(3) }));
    const v2 = recordEntry(v1, entry({ hash: 'h2', auditedAt: '2024-03-02T00:00:00.000Z', counts: counts(1) }));
    const v2again = recordEntry(v2, entry({ hash: 'h2', auditedAt: '2024-03-03T00:00:00.000Z', counts: counts(1) }));
    const v3 = recordEntry(v2again, entry({ hash: 'h3', auditedAt: '2024-03-04T00:00:00.000Z', counts: counts(0, 1) }));
    expect(v3.counts).toEqual(counts(0, 1));
    expect(v3.versions).toEqual([
      { hash: 'h1', auditedAt: '2024-03-01T02:00:00.000Z', counts: counts(3) },
      { hash: 'h2', auditedAt: '2024-03-03T00:00:00.000Z', counts: counts(1) },
    ]);
    expect(v3.firstAuditedAt).toBe('2024-03-01T02:00:00.000Z');
  });

  it('the key is the URL without its #fragment', () => {
    expect(logKey('http://a.gov.cn/x.html?p=1#part3')).toBe('http://a.gov.cn/x.html?p=1');
  });
});

describe('the cap', () => {
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60000).toISOString();
  it('nothing is dropped up to LOG_CAP entries', () => {
    const rows = Array.from({ length: LOG_CAP }, (_, i) => ({ url: `u${i}`, auditedAt: at(i) }));
    expect(LOG_CAP).toBe(2000);
    expect(overCap(rows)).toEqual([]);
  });
  it('past it, the oldest audited go first, whatever the order given', () => {
    const rows = Array.from({ length: LOG_CAP + 3 }, (_, i) => ({ url: `u${i}`, auditedAt: at(i) })).reverse();
    expect(overCap(rows).sort()).toEqual(['u0', 'u1', 'u2']);
    expect(
      overCap(
        [
          { url: 'new', auditedAt: at(9) },
          { url: 'old', auditedAt: at(1) },
        ],
        1,
      ),
    ).toEqual(['old']);
  });
});

describe('previousYear', () => {
  const e2022 = entry({ url: 'a', year: 2022, agency: '临江市统计局' });
  it('the same agency’s report of the year before', () => {
    expect(previousYear([entry(), e2022], '临江市统计局', 2023)?.url).toBe('a');
    expect(previousYear([entry(), e2022], '临江市统计局', 2025)).toBeUndefined();
    expect(previousYear([entry(), e2022], '临江市统计局', 2024)?.year).toBe(2023);
    expect(previousYear([entry(), e2022], '临江市市场监督管理局', 2023)).toBeUndefined();
  });
  it('another form of the agency’s name (sameAgency): 临江市市场监管局 meets 临江市市场监督管理局', () => {
    const smj = entry({ url: 's', year: 2022, agency: '临江市市场监督管理局' });
    expect(previousYear([smj], '临江市市场监管局', 2023)?.url).toBe('s');
    expect(
      previousYear([entry({ url: 'p', year: 2022, agency: '福建省平潭县统计局' })], '平潭县统计局', 2023)?.url,
    ).toBe('p');
  });
  it('of several, the latest audited; an entry without its digest cannot be compared', () => {
    const later = entry({ url: 'b', year: 2022, auditedAt: '2024-05-01T00:00:00.000Z' });
    expect(previousYear([e2022, later], '临江市统计局', 2023)?.url).toBe('b');
    expect(previousYear([{ ...later, digest: null }], '临江市统计局', 2023)).toBeUndefined();
  });
});

describe('auditedToday', () => {
  it('counts the entries last audited on the local day', () => {
    const now = new Date(2024, 2, 5, 15, 30);
    const [from, to] = dayRange(now);
    expect(new Date(from).getHours()).toBe(0);
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(24 * 3600 * 1000);
    const local = (d: number, h: number) => ({ auditedAt: new Date(2024, 2, d, h).toISOString() });
    expect(auditedToday([local(5, 0), local(5, 23), local(4, 23), local(6, 0), local(5, 9)], now)).toBe(3);
  });
});

describe('the background’s rule', () => {
  it('never a private window’s page; nothing when logging is off', () => {
    expect(mayRecord({ incognito: false }, true)).toBe(true);
    expect(mayRecord({}, true)).toBe(true);
    expect(mayRecord({ incognito: true }, true)).toBe(false);
    expect(mayRecord({ incognito: false }, false)).toBe(false);
  });
});

describe('contentHash', () => {
  it('64 bits in hex; the same text re-indented is the same page, one changed number is not', () => {
    const a = contentHash('二、上年结转  3\n  四、结转下年度 5');
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash('二、上年结转 3 四、结转下年度 5')).toBe(a);
    expect(contentHash('二、上年结转 3 四、结转下年度 6')).not.toBe(a);
  });
});

describe('an entry from an audit, through a message', () => {
  it('tjj-2023 against tjj-2022 from the log: the carry-over findings on this year’s cells', async () => {
    const read = async (n: string) => {
      const { doc, url } = await loadPage(join(COLUMN, `${n}.html`));
      return audit(doc, { url });
    };
    const [prev, cur] = [await read('tjj-2022'), await read('tjj-2023')];
    const e = entryFromAudit(prev, {
      url: 'http://www.linjiang.gov.cn/col/tjj-2022.html#top',
      title: 'page title',
      via: 'page',
      auditedAt: '2024-03-01T00:00:00.000Z',
      hash: contentHash(prev.model!.container.textContent ?? ''),
    });
    expect(e).toMatchObject({
      url: 'http://www.linjiang.gov.cn/col/tjj-2022.html',
      agency: '临江市统计局',
      year: 2022,
    });
    expect(e.counts).toEqual(prev.result.summary);
    // Chrome's messages are JSON: the digest's Maps and typed arrays come back as they were.
    const back = decodeWire<LogEntry>(encodeWire(e));
    expect(back.digest!.view.tables.t3!.rows).toBeInstanceOf(Map);
    expect(back.digest!.prose.minhash).toBeInstanceOf(Uint32Array);
    expect(back).toEqual(e);
    const found: { rule: string; location: string; cell: boolean }[] = [];
    checkYears(cur.model!, back.digest!.view, (f, em) =>
      found.push({ rule: f.ruleId, location: f.location, cell: !!em.targets[0] }),
    );
    expect(found.filter((f) => f.rule === 'year.carry-over').map((f) => f.location)).toEqual([
      '二、上年结转 / 自然人',
      '二、上年结转 / 总计',
    ]);
    expect(found.every((f) => f.cell)).toBe(true);
  });
});
