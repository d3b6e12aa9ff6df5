// The column sweep in real Chromium, through the user's path: the 年报 listing of
// tests/fixtures/column/ on a gov.cn host, the popup opened for that tab offers "审核本栏目全部年报",
// the click opens the sweep page (sweep.html) in a new tab, which fetches and audits every linked
// report (one saved in GBK, one link broken) and shows the table with the cross-year findings
// (year.*, and the copied-text check, on by default: the fixture reports are copies of one page).
//
// Permission: *.gov.cn is a required host of the extension (the content script's match), so
// permissions.contains() is already true and the popup opens the sweep without a prompt; the
// prompt for other hosts (permissions.request in the click) cannot be driven headless and is
// not covered here.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, cliResult, openPopup, tabIdOf, fixtureSession } from './harness';

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
  it('popup → sweep page: six reports, one broken link with its reason, the cross-year and copied-text findings on the right pairs', async () => {
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
      '共 7 个链接：已审核 6，非年报 0，无法读取 1；跨年度问题 13 条',
    );

    // Every finding, under its report, naming the report it was compared with: year.carry-over on
    // 统计局 2023 (vs 2022) in 自然人 and 总计, year.in-force on 市场监督管理局 2022, and the copies
    // the column has by construction (make.ts: one page, agency, years and numbers changed) —
    // year.copied-text of 一 and 五 against the body's own report of the year before, and
    // text.copied-from between the two bodies' first (2021) reports.
    const findings = await sweep.locator('[data-testid="years-row"] li').evaluateAll((lis) =>
      lis.map((li) => ({
        index: Number(li.closest('tr')!.getAttribute('data-index')),
        rule: li.getAttribute('data-rule'),
        kind: li.className,
        text: (li.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
    const where = (i: number) => {
      const r = rows.find((x) => x.index === i)!;
      return `${r.agency} ${r.year}`;
    };
    const same = (part: string, year: number) =>
      `year.copied-text ${part}：与 ${year} 年报告 100% 相同（数字、名称不计） （与 ${year} 年报告比对）`;
    const whole = (agency: string) =>
      `text.copied-from 全文与${agency}2021年报告 100% 相同（数字、名称不计），如一、总体情况 （与${agency} 2021 年报告比对）`;
    const [一, 五] = ['一、总体情况', '五、存在的主要问题及改进情况'];
    expect(findings.map((f) => `${where(f.index)} | ${f.text}`)).toEqual([
      `临江市市场监督管理局 2023 | ${same(一, 2022)}`,
      `临江市市场监督管理局 2023 | ${same(五, 2022)}`,
      '临江市统计局 2023 | year.carry-over 二、上年结转 / 自然人：本年填报 3，2022年报告“四、结转下年度继续办理”为 2 （与 2022 年报告比对）',
      '临江市统计局 2023 | year.carry-over 二、上年结转 / 总计：本年填报 5，2022年报告“四、结转下年度继续办理”为 4 （与 2022 年报告比对）',
      `临江市统计局 2023 | ${same(一, 2022)}`,
      `临江市统计局 2023 | ${same(五, 2022)}`,
      '临江市市场监督管理局 2022 | year.in-force 第二十条第（一）项 行政规范性文件：现行有效 10 ≠ 2021年现行有效 9 + 本年制发 2 − 本年废止 0 = 11 （与 2021 年报告比对）',
      `临江市市场监督管理局 2022 | ${same(一, 2021)}`,
      `临江市市场监督管理局 2022 | ${same(五, 2021)}`,
      `临江市统计局 2022 | ${same(一, 2021)}`,
      `临江市统计局 2022 | ${same(五, 2021)}`,
      `临江市市场监督管理局 2021 | ${whole('临江市统计局')}`,
      `临江市统计局 2021 | ${whole('临江市市场监督管理局')}`,
    ]);
    // data-rule carries the rule (the filter and the markers go by it); all are warnings (▲).
    expect(findings.map((f) => f.rule)).toEqual(findings.map((f) => f.text.split(' ')[0]));
    expect(findings.every((f) => f.kind === 'kind-warning')).toBe(true);
    // The count in the 跨年度 column is the number of findings listed under the row.
    expect(rows.filter((r) => r.status === 'ok').map((r) => `${where(r.index)} ${r.years}`)).toEqual([
      '临江市市场监督管理局 2023 ▲ 2 ▾',
      '临江市统计局 2023 ▲ 4 ▾',
      '临江市市场监督管理局 2022 ▲ 3 ▾',
      '临江市统计局 2022 ▲ 2 ▾',
      '临江市市场监督管理局 2021 ▲ 1 ▾',
      '临江市统计局 2021 ▲ 1 ▾',
    ]);
    expect(failed[0].years).toBe('–');

    await sweep.screenshot({ path: join(SHOTS, 'sweep-popup.png'), fullPage: true });

    // The four findings of 统计局 2023 fold away under its count, and come back.
    const toggle = sweep.locator('tr[data-testid="row"][data-index="1"] [data-testid="years-toggle"]');
    const listed = () => sweep.locator('[data-testid="years-row"] li').count();
    await toggle.click();
    await expect.poll(listed).toBe(9);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await sweep.locator('[data-testid="years-row"][data-index="1"]').count()).toBe(0);
    await toggle.click();
    await expect.poll(listed).toBe(13);
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    // Sort by year (descending on the second click), then filter.
    await sweep.locator('th button[data-sort="year"]').click();
    expect((await rowsOf(sweep)).map((r) => r.year)).toEqual(['2021', '2021', '2022', '2022', '2023', '2023', '']);
    await sweep.locator('th button[data-sort="year"]').click();
    expect((await rowsOf(sweep)).map((r) => r.year)).toEqual(['2023', '2023', '2022', '2022', '2021', '2021', '']);
    // Every report read has a finding (the copies), so 'years' keeps all six and drops the broken link.
    await sweep.locator('[data-testid="show"]').selectOption('years');
    expect((await rowsOf(sweep)).map((r) => `${r.agency} ${r.year}`)).toEqual([
      '临江市市场监督管理局 2023',
      '临江市统计局 2023',
      '临江市市场监督管理局 2022',
      '临江市统计局 2022',
      '临江市市场监督管理局 2021',
      '临江市统计局 2021',
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
    const cells = lines.map((l) => l.split('\t'));
    expect(cells.every((c) => c.length === 11)).toBe(true);
    expect(cells[0]).toEqual([
      '序号',
      '机关',
      '年度',
      '格式',
      '错误',
      '警告',
      '待核',
      '跨年度问题',
      '标题',
      '网址',
      '备注',
    ]);
    // In the table's order (year, descending): the row's findings in one cell, "[rule] message；…".
    const tsvSame = (part: string, year: number) =>
      `[year.copied-text] ${part}：与 ${year} 年报告 100% 相同（数字、名称不计）`;
    const tsvWhole = (agency: string) =>
      `[text.copied-from] 全文与${agency}2021年报告 100% 相同（数字、名称不计），如一、总体情况`;
    expect(cells.slice(1).map((c) => [c[0], c[1], c[2], c[7]])).toEqual([
      ['1', '临江市市场监督管理局', '2023', [tsvSame(一, 2022), tsvSame(五, 2022)].join('；')],
      [
        '2',
        '临江市统计局',
        '2023',
        [
          '[year.carry-over] 二、上年结转 / 自然人：本年填报 3，2022年报告“四、结转下年度继续办理”为 2',
          '[year.carry-over] 二、上年结转 / 总计：本年填报 5，2022年报告“四、结转下年度继续办理”为 4',
          tsvSame(一, 2022),
          tsvSame(五, 2022),
        ].join('；'),
      ],
      [
        '3',
        '临江市市场监督管理局',
        '2022',
        [
          '[year.in-force] 第二十条第（一）项 行政规范性文件：现行有效 10 ≠ 2021年现行有效 9 + 本年制发 2 − 本年废止 0 = 11',
          tsvSame(一, 2021),
          tsvSame(五, 2021),
        ].join('；'),
      ],
      ['4', '临江市统计局', '2022', [tsvSame(一, 2021), tsvSame(五, 2021)].join('；')],
      ['5', '临江市市场监督管理局', '2021', tsvWhole('临江市统计局')],
      ['6', '临江市统计局', '2021', tsvWhole('临江市市场监督管理局')],
      ['7', '', '', ''],
    ]);
    expect(cells[7][10]).toBe('无法读取：页面不存在（HTTP 404）');

    const [download] = await Promise.all([
      sweep.waitForEvent('download'),
      sweep.locator('[data-testid="download-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^年报栏目审核_www\.linjiang\.gov\.cn_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff序号,机关,年度')).toBe(true);
    const csvLines = csv.trimEnd().split('\r\n');
    expect(csvLines).toHaveLength(8);
    // The same cells as the TSV (none of them needs quoting: no ASCII comma, quote or line break).
    expect(csvLines.map((l, i) => (i ? l : l.slice(1)))).toEqual(lines.map((l) => l.split('\t').join(',')));

    // Readable in a popup-sized window too.
    await sweep.setViewportSize({ width: 420, height: 800 });
    await sweep.screenshot({ path: join(SHOTS, 'sweep-narrow.png'), fullPage: true });

    await sweep.close();
    await popup.close();
    await page.close();
  });

  it('follows attachments: a stub page is audited through its PDF, a listed PDF and Word file directly, each row says so', async () => {
    const base = `http://www.linjiang.gov.cn:${session.served.port}/`;
    const listing = `${base}pages/attachments-listing.html`;
    const sweep = await session.browser.context.newPage();
    await sweep.goto(
      `chrome-extension://${session.browser.extensionId}/sweep.html?${new URLSearchParams({ url: listing })}`,
    );
    await sweep.locator('[data-testid="summary"]').waitFor({ timeout: 60000 });
    const rows = await rowsOf(sweep);
    const tags = await sweep
      .locator('[data-testid="row"]')
      .evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-testid="attachment"]')?.textContent ?? ''));
    // Each row read from its file: the stub's PDF (seeds 000), the listed PDF and .docx; their
    // errors are the CLI's for the same files.
    const errorsOf = async (file: string) => (await cliResult(file)).summary.error;
    expect(rows.map((r) => [r.status, r.agency, r.errors])).toEqual([
      ['ok', '乐清市金融工作服务中心', String(await errorsOf('documents/pdf/seeds__000.pdf'))],
      ['ok', '临江市市场监督管理局', String(await errorsOf('documents/pdf/rules__sum.t3-balance.fail.pdf'))],
      ['ok', '临江市市场监督管理局', String(await errorsOf('documents/rules__sum.t3-outcomes.fail.docx'))],
    ]);
    expect(tags).toEqual(['附件（PDF）', '附件（PDF）', '附件（DOCX）']);
    await sweep.screenshot({ path: join(SHOTS, 'sweep-attachments.png'), fullPage: true });
    await sweep.close();
  });
});
