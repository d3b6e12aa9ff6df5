// When the extension goes away (disabled, removed, reloaded), nothing of ours stays on the page.
import { describe, expect, it } from 'vitest';
import { fixtureSession } from './harness';

const session = fixtureSession();

describe('extension lifecycle', () => {
  it('reloading the extension removes our overlay host from open pages', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`http://www.linjiang.gov.cn:${session.served.port}/seeds/002.html`);
    await page.locator('gov-report-audit .chip').waitFor({ timeout: 15000 });
    await session.browser.worker
      .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
      .catch(() => {}); // the worker goes away with the reload
    await expect.poll(() => page.locator('gov-report-audit').count(), { timeout: 10000 }).toBe(0);
    await page.close();
  });
});
