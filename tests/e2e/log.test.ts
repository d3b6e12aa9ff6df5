// The inspection log page (log.html) in real Chromium: the empty state, then entries written into
// the log's IndexedDB from the page (the store log-db.ts keeps: database 'inspection-log', store
// 'entries', announced on BroadcastChannel 'inspection-log' as every write is), which the open page
// lists at once; sort, filter, a row's findings on expand, two rows copied (text and HTML read
// back from the clipboard) and downloaded as CSV (read back), delete with its confirm step, the
// English page, clear all; then 5,000 entries (past the store's cap of 2,000, so written raw) stay
// windowed and sort fast. Screenshots for review in tests/e2e/screenshots/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../components/ext/settings-model';
import type { LogEntry } from '../../lib/log/entry';
import type { Finding } from '../../lib/result';
import { launch, SHOTS, type Browser } from './harness';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launch();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
});
afterAll(() => browser?.close());

const HOSTILE = '<img src=x onerror=alert(1)>';
/** An ISO time from a local one (the page shows local time). */
const at = (mo: number, d: number, h: number, mi = 0) => new Date(2025, mo - 1, d, h, mi).toISOString();
const f = (ruleId: string, severity: Finding['severity'], location: string, message: string, review = false) =>
  ({
    ruleId,
    severity,
    outcome: review ? 'review' : 'violation',
    location,
    message,
    category: ruleId.split('.')[0],
  }) as Finding;

function entry(o: Partial<LogEntry> & Pick<LogEntry, 'url' | 'title' | 'auditedAt'>): LogEntry {
  const findings = o.findings ?? [];
  const counts = { error: 0, warning: 0, info: 0, review: 0 };
  for (const x of findings) counts[x.outcome === 'review' ? 'review' : x.severity]++;
  return {
    agency: null,
    year: null,
    format: '2021',
    publishedAt: null,
    counts,
    findings,
    firstAuditedAt: o.auditedAt,
    hash: 'h1',
    versions: [],
    via: 'page',
    digest: null,
    ...o,
  };
}

const base = 'http://www.linjiang.gov.cn/xxgk';
const ENTRIES: LogEntry[] = [
  entry({
    url: `${base}/tjj-2023.html`,
    title: '临江市统计局2023年政府信息公开工作年度报告',
    agency: '临江市统计局',
    year: 2023,
    auditedAt: at(3, 5, 14, 7),
    firstAuditedAt: at(3, 2, 10),
    versions: [{ hash: 'h0', auditedAt: at(3, 2, 10), counts: { error: 3, warning: 1, info: 0, review: 1 } }],
    findings: [
      f('sum.t3-outcomes', 'error', '表三 / 总计', '办理结果总计 52 ≠ 各项之和 50'),
      f('sum.t3-balance', 'error', '表三 / 自然人', '本年新收 + 上年结转 ≠ 办理结果 + 结转下年（40 + 2 ≠ 41 + 0）'),
      f('section.unnumbered', 'warning', '三、收到和处理政府信息公开申请情况', '章节标题缺少编号'),
    ],
  }),
  entry({
    url: `${base}/xzf-2022.html`,
    title: '临江市新洲县人民政府2022年政府信息公开工作年度报告',
    agency: '临江市新洲县人民政府',
    year: 2022,
    format: '2019',
    auditedAt: at(3, 4, 8, 30),
    findings: [f('meta.late', 'info', '发布日期', '发布日期 2023-02-10 晚于 1 月 31 日')],
  }),
  entry({
    url: `${base}/sfj-2021.html`,
    title: '临江市司法局2021年政府信息公开工作年度报告',
    agency: '临江市司法局',
    year: 2021,
    auditedAt: at(3, 3, 16, 45),
    findings: [
      f('cell.placeholder', 'warning', '表二 / 行政许可 / 本年处理决定数量', '单元格为空，请核实是否为 0', true),
      f('cell.placeholder', 'warning', '表二 / 行政处罚 / 本年处理决定数量', '单元格为“/”，请核实是否为 0', true),
    ],
  }),
  entry({
    url: `${base}/scj-2023.html`,
    title: '临江市市场监督管理局2023年政府信息公开工作年度报告',
    agency: '临江市市场监督管理局',
    year: 2023,
    format: 'mixed',
    auditedAt: at(3, 2, 11, 20),
    findings: [
      f('format.mixed', 'error', '表三', '表三用 2021 格式，表四用 2019 格式'),
      f('sum.t3-outcomes', 'error', '表三 / 法人或其他组织', '办理结果总计 12 ≠ 各项之和 11'),
      f('sum.t4-group', 'error', '表四 / 行政复议', '结果纠正 + 其他结果 + 尚未审结 ≠ 总计（1 + 0 + 0 ≠ 2）'),
      f('text.count-mismatch', 'error', '一、总体情况', '正文“收到申请 45 件”与表三总计 52 不符'),
      f('section.missing', 'error', '第五部分', '缺少“五、存在的主要问题及改进情况”'),
      f('section.order', 'warning', '四、', '章节顺序与格式要求不一致'),
      f('table.label', 'warning', '表二', '行标签“行政强制”与格式要求的“行政强制”写法不同'),
    ],
  }),
  entry({
    url: `${base}/x.html?a=1&b="2"`,
    title: HOSTILE,
    agency: '临江市青山镇人民政府',
    year: 2024,
    auditedAt: at(3, 1, 9, 5),
    findings: [f('meta.title', 'error', '标题', `标题“${HOSTILE}”不是年报标题`)],
  }),
  entry({
    url: `${base}/tjj-2022.html`,
    title: '临江市统计局2022年政府信息公开工作年度报告',
    agency: '临江市统计局',
    year: 2022,
    auditedAt: at(2, 28, 15),
  }),
];

/** Write entries into the log's store from the extension page and announce the change, as log-db does. */
const seed = (p: Page, entries: LogEntry[] | { synthetic: number }) =>
  p.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('inspection-log', 1);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('entries', 'readwrite');
    const store = tx.objectStore('entries');
    if (Array.isArray(list)) for (const e of list) store.put(e);
    else
      for (let i = 0; i < list.synthetic; i++) {
        const t = new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString();
        const n = (i * 7919) % 13;
        store.put({
          url: `http://www.example.gov.cn/report/${i}.html`,
          title: `第 ${i} 号机关 ${2020 + (i % 5)} 年政府信息公开工作年度报告`,
          agency: `第 ${i} 号机关`,
          year: 2020 + (i % 5),
          format: '2021',
          publishedAt: null,
          counts: { error: n, warning: i % 3, info: 0, review: i % 2 },
          findings: [],
          auditedAt: t,
          firstAuditedAt: t,
          hash: 'h',
          versions: [],
          via: 'sweep',
          digest: null,
        });
      }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    new BroadcastChannel('inspection-log').postMessage('changed');
  }, entries);

const rows = (p: Page) =>
  p.locator('[data-testid="row"]').evaluateAll((trs) =>
    trs.map((tr) => {
      const text = (sel: string) => (tr.querySelector(sel)?.textContent ?? '').trim();
      return {
        url: tr.getAttribute('data-url') ?? '',
        agency: text('td.c-agency'),
        year: text('td.c-year'),
        errors: text('td.c-error'),
        audited: text('td.c-audited'),
        title: text('td.c-title a'),
      };
    }),
  );
const agencies = async (p: Page) => (await rows(p)).map((r) => r.agency);
const notice = (p: Page) => p.locator('[data-testid="notice"]').textContent();
const setLocale = (p: Page, locale: 'zh' | 'en') =>
  p.evaluate(
    (s) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(o: object): Promise<void> } } } }
      ).chrome.storage.local.set({ settings: s }),
    { ...DEFAULT_SETTINGS, locale },
  );

describe('inspection log page', () => {
  it('says what gets logged when nothing is', async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/log.html`);
    await page.locator('[data-testid="empty"]').waitFor();
    expect(await page.title()).toBe('审核记录');
    const text = await page.locator('[data-testid="empty"]').textContent();
    expect(text).toContain('栏目审核');
    expect(text).toContain('只保存在本浏览器中');
    await page.screenshot({ path: join(SHOTS, 'log-empty-zh.png') });
  });

  it('lists entries written while it is open, newest audit first, a changed page marked', async () => {
    await seed(page, ENTRIES);
    await expect.poll(() => page.locator('[data-testid="row"]').count()).toBe(6);
    const list = await rows(page);
    expect(list.map((r) => r.agency)).toEqual([
      '临江市统计局',
      '临江市新洲县人民政府',
      '临江市司法局',
      '临江市市场监督管理局',
      '临江市青山镇人民政府',
      '临江市统计局',
    ]);
    expect(list[0]).toMatchObject({ year: '2023', errors: '2', audited: '2025-03-05 14:07' });
    // The hostile title is text, in a link to the page that opens a new tab.
    expect(list[4].title).toBe(HOSTILE);
    expect(await page.locator('td.c-title img').count()).toBe(0);
    const link = page.locator('[data-testid="row"]').first().locator('td.c-title a');
    expect(await link.getAttribute('href')).toBe(`${base}/tjj-2023.html`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
    const changed = page.locator('[data-testid="changed"]');
    expect(await changed.count()).toBe(1);
    expect(await changed.textContent()).toBe('内容已变化 1 次');
    expect(await changed.getAttribute('title')).toBe('2025-03-02 10:00 审核：错误 3｜警告 1｜待核 1');
    expect(await page.locator('[data-testid="count"]').textContent()).toBe('显示 6/6 条');
  });

  it('sorts by a column (错误: the most first, then the other way) and filters by text, rule and status', async () => {
    await page.locator('th button[data-sort="errors"]').click();
    expect((await rows(page)).map((r) => r.errors)).toEqual(['5', '2', '1', '0', '0', '0']);
    await page.locator('th button[data-sort="errors"]').click();
    expect((await rows(page)).map((r) => r.errors)).toEqual(['0', '0', '0', '1', '2', '5']);
    await page.locator('th button[data-sort="auditedAt"]').click(); // newest first again

    await page.locator('[data-testid="filter"]').fill('统计局');
    await expect.poll(() => agencies(page)).toEqual(['临江市统计局', '临江市统计局']);
    await page.locator('[data-testid="filter"]').fill('cell.placeholder');
    await expect.poll(() => agencies(page)).toEqual(['临江市司法局']);
    await page.locator('[data-testid="filter"]').fill('');
    await page.locator('[data-testid="show"]').selectOption('changed');
    await expect.poll(() => agencies(page)).toEqual(['临江市统计局']);
    await page.locator('[data-testid="show"]').selectOption('clean');
    await expect.poll(() => agencies(page)).toEqual(['临江市新洲县人民政府', '临江市统计局']);
    await page.locator('[data-testid="show"]').selectOption('all');
    await expect.poll(() => page.locator('[data-testid="row"]').count()).toBe(6);
  });

  it('opens a row on its findings and earlier versions', async () => {
    const row = page.locator(`[data-testid="row"][data-url="${base}/scj-2023.html"]`);
    await row.locator('[data-testid="expand"]').click();
    const panel = page.locator(`[data-testid="panel"][data-url="${base}/scj-2023.html"]`);
    await panel.waitFor();
    expect(await row.locator('[data-testid="expand"]').getAttribute('aria-expanded')).toBe('true');
    const items = await panel
      .locator('li.finding')
      .evaluateAll((lis) =>
        lis.map((li) => ({ rule: li.getAttribute('data-rule'), kind: li.className, text: li.textContent ?? '' })),
      );
    expect(items.map((i) => i.rule)).toEqual([
      'format.mixed',
      'sum.t3-outcomes',
      'sum.t4-group',
      'text.count-mismatch',
      'section.missing',
      'section.order',
      'table.label',
    ]);
    expect(items[0].kind).toBe('finding kind-error');
    expect(items[0].text).toBe('✖ 错误表三表三用 2021 格式，表四用 2019 格式format.mixed');
    expect(items[5].kind).toBe('finding kind-warning');

    const first = page.locator(`[data-testid="row"][data-url="${base}/tjj-2023.html"]`);
    await first.locator('[data-testid="expand"]').click();
    const versions = page.locator(`[data-testid="panel"][data-url="${base}/tjj-2023.html"] [data-testid="versions"]`);
    expect(await versions.textContent()).toBe(
      '此前版本（首次审核 2025-03-02 10:00）2025-03-02 10:00 审核：错误 3｜警告 1｜待核 1',
    );
    await page.screenshot({ path: join(SHOTS, 'log-zh.png') });
    await first.locator('[data-testid="expand"]').click();
    await expect.poll(() => page.locator('[data-testid="panel"]').count()).toBe(1);
  });

  it('copies two selected rows as text and as an HTML table, and downloads them as CSV', async () => {
    await page.locator(`[data-testid="row"][data-url="${base}/tjj-2023.html"] [data-testid="select"]`).check();
    await page.locator(`[data-testid="row"][data-url='${base}/x.html?a=1&b="2"'] [data-testid="select"]`).check();
    expect(await page.locator('[data-testid="selected"]').textContent()).toBe('已选 2 条');
    expect(await page.locator('[data-testid="scope"]').textContent()).toBe('复制与下载：所选的 2 条');
    await page.bringToFront();
    await page.locator('[data-testid="copy"]').click();
    await expect.poll(() => notice(page)).toBe('已复制 2 条记录（可直接粘贴到 Word、WPS 或 Excel）');
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      const html = await (await item.getType('text/html')).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return {
        types: item.types,
        text: await (await item.getType('text/plain')).text(),
        html,
        cells: Array.from(doc.querySelectorAll('tr'), (tr) =>
          Array.from(tr.querySelectorAll('th, td'), (c) => (c as HTMLElement).innerText ?? c.textContent),
        ),
        images: doc.querySelectorAll('img').length,
      };
    });
    expect(clip.types).toEqual(expect.arrayContaining(['text/plain', 'text/html']));
    const tsv = clip.text
      .trimEnd()
      .split('\n')
      .map((l) => l.split('\t'));
    expect(tsv).toHaveLength(3);
    expect(tsv[0]).toEqual([
      '机关',
      '年度',
      '格式',
      '错误',
      '警告',
      '待核',
      '提示',
      '审核时间',
      '标题',
      '网址',
      '问题清单',
    ]);
    expect(tsv[1].slice(0, 10)).toEqual([
      '临江市统计局',
      '2023',
      '2021',
      '2',
      '1',
      '0',
      '0',
      '2025-03-05 14:07',
      '临江市统计局2023年政府信息公开工作年度报告',
      `${base}/tjj-2023.html`,
    ]);
    expect(tsv[1][10]).toBe(
      '【错误】表三 / 总计：办理结果总计 52 ≠ 各项之和 50（sum.t3-outcomes）；【错误】表三 / 自然人：本年新收 + 上年结转 ≠ 办理结果 + 结转下年（40 + 2 ≠ 41 + 0）（sum.t3-balance）；【警告】三、收到和处理政府信息公开申请情况：章节标题缺少编号（section.unnumbered）',
    );
    expect(tsv[2][8]).toBe(HOSTILE);
    // The HTML flavour: a table of the same cells; the hostile title is a cell's text, not an image.
    expect(clip.images).toBe(0);
    expect(clip.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(clip.cells).toHaveLength(3);
    expect(clip.cells[0]).toEqual(tsv[0]);
    expect(clip.cells[2].slice(0, 10)).toEqual(tsv[2].slice(0, 10));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="download-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^年报审核记录_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff机关,年度,格式,错误,警告,待核,提示,审核时间,标题,网址,问题清单\r\n')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(
      lines[1].startsWith(
        `临江市统计局,2023,2021,2,1,0,0,2025-03-05 14:07,临江市统计局2023年政府信息公开工作年度报告,${base}/tjj-2023.html,"【错误】`,
      ),
    ).toBe(true);
    expect(lines[1]).toContain('（sum.t3-outcomes）\n【错误】'); // one finding a line inside the cell
    expect(lines[2]).toBe(
      `临江市青山镇人民政府,2024,2021,1,0,0,0,2025-03-01 09:05,${HOSTILE},"${base}/x.html?a=1&b=""2""",【错误】标题：标题“${HOSTILE}”不是年报标题（meta.title）`,
    );
  });

  it('deletes the selected rows after a confirm step', async () => {
    await page.locator('[data-testid="delete"]').click();
    expect(await page.locator('[data-testid="confirm"] .question').textContent()).toBe('删除所选的 2 条记录？');
    await page.locator('[data-testid="confirm-yes"]').click();
    await expect.poll(() => page.locator('[data-testid="row"]').count()).toBe(4);
    expect(await notice(page)).toBe('已删除 2 条记录');
    expect(await agencies(page)).toEqual([
      '临江市新洲县人民政府',
      '临江市司法局',
      '临江市市场监督管理局',
      '临江市统计局',
    ]);
    expect(await page.locator('[data-testid="delete"]').isDisabled()).toBe(true); // nothing selected now
    // Gone from the store too: a reload lists the same four.
    await page.reload();
    await expect.poll(() => page.locator('[data-testid="row"]').count()).toBe(4);
  });

  it('follows the UI language (English)', async () => {
    await setLocale(page, 'en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Inspection log');
    await expect.poll(() => page.title()).toBe('Inspection log');
    await page.locator(`[data-testid="row"][data-url="${base}/scj-2023.html"] [data-testid="expand"]`).click();
    await page.locator('[data-testid="panel"]').waitFor();
    expect(await page.locator('th button[data-sort="auditedAt"]').textContent()).toBe('Audited▼');
    await page.screenshot({ path: join(SHOTS, 'log-en.png') });
    await setLocale(page, 'zh');
    await expect.poll(() => page.locator('h1').textContent()).toBe('审核记录');
  });

  it('clears the log after a confirm step (cancel keeps it)', async () => {
    await page.locator('[data-testid="clear"]').click();
    expect(await page.locator('[data-testid="confirm"] .question').textContent()).toBe(
      '清空全部 4 条记录？此操作无法撤销。',
    );
    await page.locator('[data-testid="confirm-no"]').click();
    expect(await page.locator('[data-testid="confirm"]').count()).toBe(0);
    expect(await page.locator('[data-testid="row"]').count()).toBe(4);
    await page.locator('[data-testid="clear"]').click();
    await page.locator('[data-testid="confirm-yes"]').click();
    await page.locator('[data-testid="empty"]').waitFor();
    expect(await notice(page)).toBe('已清空审核记录');
  });

  it('keeps 5,000 entries windowed: under 200 rows in the DOM, sorted in under 200 ms, scrolls to the end', async () => {
    await seed(page, { synthetic: 5000 });
    await expect
      .poll(() => page.locator('[data-testid="count"]').textContent(), { timeout: 15000 })
      .toBe('显示 5000/5000 条');
    const inDom = () => page.locator('[data-testid="row"]').count();
    expect(await inDom()).toBeLessThan(200);
    expect((await rows(page))[0].url).toBe('http://www.example.gov.cn/report/4999.html'); // newest first

    // Sort by 错误: the click, the sort and Preact's render, and a layout.
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      document.querySelector<HTMLButtonElement>('th button[data-sort="errors"]')!.click();
      await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight;
      return performance.now() - t0;
    });
    expect((await rows(page))[0].errors).toBe('12');
    expect(ms).toBeLessThan(200);

    // Scrolled to the end: the last rows are drawn, still few of them.
    await page.locator('[data-testid="scroller"]').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(async () => (await rows(page)).at(-1)?.errors).toBe('0');
    expect(await inDom()).toBeLessThan(200);
    // A filter over all 5,000 narrows the table.
    await page.locator('[data-testid="filter"]').fill('第 4242 号');
    await expect.poll(() => agencies(page)).toEqual(['第 4242 号机关']);
    await page.locator('[data-testid="filter"]').fill('');
    await page.locator('[data-testid="scroller"]').evaluate((el) => (el.scrollTop = 0));
    await page.screenshot({ path: join(SHOTS, 'log-5000-zh.png') });
    console.log(`log page: sorting 5,000 entries took ${ms.toFixed(1)} ms`);
  });

  it('opens from the popup and from the settings', async () => {
    const isLog = (p: Page) => p.url() === `chrome-extension://${browser.extensionId}/log.html`;
    for (const from of ['popup.html', 'options.html']) {
      const p = await browser.context.newPage();
      await p.goto(`chrome-extension://${browser.extensionId}/${from}`);
      const [opened] = await Promise.all([
        browser.context.waitForEvent('page', { predicate: isLog }),
        p.locator('[data-testid="open-log"]').click(),
      ]);
      await expect.poll(() => opened.locator('h1').textContent()).toBe('审核记录');
      await Promise.all([opened.close(), p.close()]);
    }
  });
});
