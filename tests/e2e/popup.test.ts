// The popup in real Chromium, opened on a fixture page: the counts and findings equal the CLI's
// JSON for the same page, "复制结果" puts every finding on the clipboard (both flavours, read
// back), clicking a finding reveals it on the page; screenshots for review.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cliResult, openPopup, SHOTS, tabIdOf, copyFromPopup, fixtureSession, RULE_PAGES, SEED_PAGES } from './harness';

const session = fixtureSession({ clipboard: true });

async function popupFor(path: string): Promise<{ page: Page; popup: Page }> {
  const page = await session.browser.context.newPage();
  await page.goto(`http://www.linjiang.gov.cn:${session.served.port}/${path}`);
  await page.locator('gov-report-audit .chip').waitFor({ timeout: 15000 });
  const popup = await openPopup(session.browser, await tabIdOf(session.browser, page));
  await popup.locator('[data-testid="identity"]').waitFor({ timeout: 10000 });
  return { page, popup };
}

/** Popup counts, findings and clipboard equal the CLI's result; a click reveals the last finding. */
async function checkPopup(path: string, screenshot: boolean) {
  const expected = await cliResult(path);
  if (!expected.detected) return;
  const { page, popup } = await popupFor(path);
  const s = expected.summary;
  for (const [k, n] of Object.entries({ error: s.error, warning: s.warning, info: s.info, review: s.review }))
    expect(await popup.locator(`.chip[data-kind="${k}"] .num`).textContent(), k).toBe(String(n));
  if (expected.report?.agency)
    expect(await popup.locator('[data-testid="agency"]').textContent()).toBe(expected.report.agency);
  const rules = await popup
    .locator('.finding')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-index')}:${e.getAttribute('data-rule')}`));
  expect(rules.sort()).toEqual(expected.findings.map((f, i) => `${i}:${f.ruleId}`).sort());

  if (screenshot) {
    const name = path.replace(/\W+/g, '-').replace(/-html$/, '');
    await popup.screenshot({ path: join(SHOTS, `${name}-popup.png`), fullPage: true });
  }

  const clip = await copyFromPopup(popup, expected.findings.length);
  for (const f of expected.findings) {
    expect(clip.text).toContain(f.message);
    expect(clip.text).toContain(f.location);
  }
  expect((clip.html.match(/<tr>/g) ?? []).length).toBe(expected.findings.length ? expected.findings.length + 1 : 0);
  if (expected.report?.agency) expect(clip.text).toContain(expected.report.agency);

  if (expected.findings.length) {
    const last = expected.findings.length - 1;
    await popup.locator(`.finding[data-index="${last}"]`).click();
    await page.bringToFront();
    const marker = page.locator(`gov-report-audit .marker[data-index="${last}"]`);
    await expect.poll(() => marker.getAttribute('class')).toContain('pulse');
    await expect.poll(async () => (await marker.boundingBox())?.y ?? -1).toBeGreaterThan(0);
  }
  await popup.close();
  await page.close();
}

describe('popup', () => {
  it.each(SEED_PAGES)("%s: counts, findings and clipboard equal the CLI's result (screenshot)", (path) =>
    checkPopup(path, true),
  );
  it.each(RULE_PAGES)("%s: counts, findings and clipboard equal the CLI's result", (path) => checkPopup(path, false));

  it('a look-alike page: the popup says why it is not a report and offers to force the audit', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`http://www.linjiang.gov.cn:${session.served.port}/pages/listing.html`);
    await page.waitForTimeout(800);
    const popup = await openPopup(session.browser, await tabIdOf(session.browser, page));
    await popup.locator('[data-testid="run"]').waitFor({ timeout: 10000 });
    await popup.screenshot({ path: join(SHOTS, 'pages-listing-popup.png'), fullPage: true });
    expect(await popup.locator('.popup').textContent()).toMatch(/审核此页/);
    await popup.close();
    await page.close();
  });
});
