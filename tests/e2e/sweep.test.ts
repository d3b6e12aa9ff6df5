// The column sweep in real Chromium, through the user's path: the 年报 listing of
// tests/fixtures/column/ on a gov.cn host, the popup opened for that tab offers "审核本栏目全部年报",
// the click opens the sweep page (sweep.html) in a new tab, which fetches and audits every linked
// report (one saved in GBK, one link broken) and shows the table with the cross-year findings.
//
// Permission: *.gov.cn is a required host of the extension (the content script's match), so
// permissions.contains() is already true and the popup opens the sweep without a prompt; the
// prompt for other hosts (permissions.request in the click) cannot be driven headless and is
// not covered here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, openPopup, tabIdOf, fixtureSession } from './harness';

const session = fixtureSession({ clipboard: true });

const rowsOf = (p: Page) =>
  p.locator('[data-testid="row"]').evaluateAll((trs) =>
    trs.map((tr) => {
      const cells = Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim());
      return {
        index: Number(tr.getAttribute('data-index')),
        status: tr.getAttribute('data-status'),
        agency: cells[1],
        year: cells[2],
        errors: cells[4],
        years: cells[7],
        title: tr.querySelector('td.title a')?.textContent ?? '',
        href: tr.querySelector('td.title a')?.getAttribute('href') ?? '',
        note: tr.querySelector('[data-testid="note"]')?.textContent ?? '',
      };
    }),
  );

describe('sweep a 年报 column', () => {
  it('popup → sweep page: six reports, one broken link with its reason, the cross-year findings on the right pairs', async () => {
    const base = `http://www.linjiang.gov.cn:${session.served.port}/column/`;
    const page = await session.browser.context.newPage();
    await page.goto(`${base}listing.html`);
    const tabId = await tabIdOf(session.browser, page);

    // The content script has judged the page a listing once the popup offers the sweep.
    const popup = await openPopup(session.browser, tabId);
    await expect
      .poll(
        async () => {
          await popup.locator('.popup:not([aria-busy="true"])').waitFor();
          if (await popup.locator('[data-testid="sweep"]').count()) return true;
          await popup.waitForTimeout(300);
          await popup.reload();
          return false;
        },
        { timeout: 15000 },
      )
      .toBe(true);
    await expect(popup.locator('[data-testid="sweep"]').textContent()).resolves.toBe('审核本栏目全部年报');
    await popup.screenshot({ path: join(SHOTS, 'sweep-listing-popup.png'), fullPage: true });

    const before = session.served.log.length;
    const [sweep] = await Promise.all([
      session.browser.context.waitForEvent('page'),
      popup.locator('[data-testid="sweep"]').click(),
    ]);
    expect(sweep.url()).toMatch(new RegExp(`^chrome-extension://${session.browser.extensionId}/sweep\\.html\\?`));
    await sweep.setViewportSize({ width: 1100, height: 800 });
    await sweep.locator('[data-testid="summary"]').waitFor({ timeout: 30000 });

    // Every linked page was requested once, the missing one included.
    const asked = session.served.log.slice(before).filter((p) => /column\/(smj|tjj)-\d{4}\.html$/.test(p));
    expect(asked.sort()).toEqual(
      ['smj-2021', 'smj-2022', 'smj-2023', 'tjj-2020', 'tjj-2021', 'tjj-2022', 'tjj-2023'].map(
        (n) => `/column/${n}.html`,
      ),
    );

    // The links came from the listing tab's live DOM (scripting), not from fetching the listing again.
    expect(session.served.log.slice(before)).not.toContain('/column/listing.html');

    const rows = await rowsOf(sweep);
    expect(rows).toHaveLength(7);
    const ok = rows.filter((r) => r.status === 'ok');
    expect(ok).toHaveLength(6);
    expect(ok.map((r) => `${r.agency} ${r.year}`).sort()).toEqual([
      '临江市市场监督管理局 2021',
      '临江市市场监督管理局 2022',
      '临江市市场监督管理局 2023',
      '临江市统计局 2021',
      '临江市统计局 2022', // the GBK page, decoded
      '临江市统计局 2023',
    ]);
    expect(ok.every((r) => r.errors === '0')).toBe(true);
    const failed = rows.filter((r) => r.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].title).toBe('临江市统计局2020年政府信息公开工作年度报告');
    expect(failed[0].href).toBe(`${base}tjj-2020.html`);
    expect(failed[0].note).toBe('无法读取：页面不存在（HTTP 404）');
    expect(await sweep.locator('[data-testid="summary"]').textContent()).toBe(
      '共 7 个链接：已审核 6，非年报 0，无法读取 1；跨年度问题 3 条',
    );

    // year.carry-over on 统计局 2023 (vs 2022) only, in 自然人 and 总计; year.in-force on 市场监督管理局 2022.
    const findings = await sweep.locator('[data-testid="years-row"] li').evaluateAll((lis) =>
      lis.map((li) => ({
        index: Number(li.closest('tr')!.getAttribute('data-index')),
        rule: li.getAttribute('data-rule'),
        text: li.textContent ?? '',
      })),
    );
    const where = (i: number) => {
      const r = rows.find((x) => x.index === i)!;
      return `${r.agency} ${r.year}`;
    };
    expect(findings.map((f) => `${where(f.index)} ${f.rule}`)).toEqual([
      '临江市统计局 2023 year.carry-over',
      '临江市统计局 2023 year.carry-over',
      '临江市市场监督管理局 2022 year.in-force',
    ]);
    expect(findings[0].text).toContain('二、上年结转 / 自然人：本年填报 3，2022年报告“四、结转下年度继续办理”为 2');
    expect(findings[1].text).toContain('二、上年结转 / 总计：本年填报 5，2022年报告“四、结转下年度继续办理”为 4');
    expect(findings[0].text).toContain('（与 2022 年报告比对）');
    expect(rows.filter((r) => r.years !== '0' && r.years !== '–').map((r) => where(r.index))).toEqual([
      '临江市统计局 2023',
      '临江市市场监督管理局 2022',
    ]);

    await sweep.screenshot({ path: join(SHOTS, 'sweep-popup.png'), fullPage: true });

    // Sort by year (descending on the second click), then filter.
    await sweep.locator('th button[data-sort="year"]').click();
    expect((await rowsOf(sweep)).map((r) => r.year)).toEqual(['2021', '2021', '2022', '2022', '2023', '2023', '']);
    await sweep.locator('th button[data-sort="year"]').click();
    expect((await rowsOf(sweep)).map((r) => r.year)).toEqual(['2023', '2023', '2022', '2022', '2021', '2021', '']);
    await sweep.locator('[data-testid="show"]').selectOption('years');
    expect((await rowsOf(sweep)).map((r) => `${r.agency} ${r.year}`)).toEqual([
      '临江市统计局 2023',
      '临江市市场监督管理局 2022',
    ]);
    await sweep.locator('[data-testid="show"]').selectOption('failed');
    expect((await rowsOf(sweep)).map((r) => r.status)).toEqual(['failed']);
    await sweep.locator('[data-testid="show"]').selectOption('all');
    await sweep.locator('[data-testid="filter"]').fill('统计局');
    expect(await rowsOf(sweep)).toHaveLength(4);
    await sweep.locator('[data-testid="filter"]').fill('');

    // Exports: TSV on the clipboard (read back), CSV as a download.
    await sweep.locator('[data-testid="copy-tsv"]').click();
    await expect.poll(() => sweep.locator('[data-testid="notice"]').textContent()).toBe('已复制 7 行');
    const tsv = await sweep.evaluate(() => navigator.clipboard.readText());
    const lines = tsv.trimEnd().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0].split('\t').slice(0, 4)).toEqual(['序号', '机关', '年度', '格式']);
    expect(tsv).toContain('[year.carry-over] 二、上年结转 / 总计');
    expect(tsv).toContain('无法读取：页面不存在（HTTP 404）');

    const [download] = await Promise.all([
      sweep.waitForEvent('download'),
      sweep.locator('[data-testid="download-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^年报栏目审核_www\.linjiang\.gov\.cn_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff序号,机关,年度')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(8);

    // Readable in a popup-sized window too.
    await sweep.setViewportSize({ width: 420, height: 800 });
    await sweep.screenshot({ path: join(SHOTS, 'sweep-narrow.png'), fullPage: true });

    await sweep.close();
    await popup.close();
    await page.close();
  });
});
