// Dynamic portals in real Chromium: a report inside a same-origin frame, a body rendered by
// script after load next to a ticker (no audit loop), and in-page navigation to another report.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../lib/result';
import { cliResult, tabIdOf, fixtureSession } from './harness';

const session = fixtureSession();

const counts = (page: Page) =>
  page
    .locator('gov-report-audit .chip .count')
    .allTextContents()
    .then((t) => t.map((x) => Number(x.trim())));
const summary = (r: AuditResult) => [r.summary.error, r.summary.warning, r.summary.info, r.summary.review];
async function snapshot(page: Page): Promise<{ runs?: number } | null> {
  const tab = await tabIdOf(session.browser, page);
  return session.browser.worker.evaluate(async (id) => {
    type Api = { tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown> } };
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const reply = (await api.tabs.sendMessage(id, { type: 'audit:get' }, { frameId: 0 })) as {
      value?: { runs?: number } | null;
    };
    return reply.value ?? null;
  }, tab);
}

describe('dynamic portals', () => {
  it('audits a report shown in a same-origin frame, markers on the framed elements', async () => {
    const expected = await cliResult('seeds/000.html');
    const page = await session.browser.context.newPage();
    await page.goto(`http://www.yueqing.gov.cn:${session.served.port}/dynamic/framed.html`);
    await page.locator('gov-report-audit .chip').waitFor({ timeout: 15000 });
    expect(await counts(page)).toEqual(summary(expected));
    const i = expected.findings.findIndex((f) => f.ruleId === 'section.unnumbered');
    const target = page.frameLocator('iframe').locator(expected.findings[i].target!).first();
    await target.scrollIntoViewIfNeeded();
    const marker = page.locator(`gov-report-audit .marker[data-index="${i}"]`);
    await marker.waitFor();
    const [m, t] = [await marker.boundingBox(), await target.boundingBox()];
    expect(Math.abs(m!.y - t!.y)).toBeLessThan(30);
    expect(m!.x + m!.width).toBeLessThanOrEqual(t!.x + 4);
    await page.close();
  });

  it('audits a body rendered after load, and a ticker never re-triggers the audit', async () => {
    const expected = await cliResult('seeds/000.html');
    const page = await session.browser.context.newPage();
    await page.goto(`http://www.yueqing.gov.cn:${session.served.port}/dynamic/rendered.html`);
    await page.locator('gov-report-audit .chip').waitFor({ timeout: 15000 });
    await expect.poll(() => counts(page)).toEqual(summary(expected));
    const before = (await snapshot(page))?.runs ?? 0;
    await page.waitForTimeout(3000); // 20 ticker updates
    expect((await snapshot(page))?.runs).toBe(before);
    expect(before).toBeLessThanOrEqual(2); // the empty body, then the rendered one
    await page.close();
  });

  it('follows in-page navigation to another report', async () => {
    const [a, b] = [await cliResult('seeds/000.html'), await cliResult('seeds/002.html')];
    const page = await session.browser.context.newPage();
    await page.goto(`http://www.yueqing.gov.cn:${session.served.port}/dynamic/navigate.html`);
    await page.locator('gov-report-audit .chip').waitFor({ timeout: 15000 });
    await expect.poll(() => counts(page)).toEqual(summary(a));
    await page.locator('#next').click();
    await expect.poll(() => counts(page), { timeout: 10000 }).toEqual(summary(b));
    await page.close();
  });
});
