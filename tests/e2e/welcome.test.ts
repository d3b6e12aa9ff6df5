// The first-run page: opened once by the install, in Chinese, switchable to English (the choice is
// the UI language setting), with the way to the settings; a screenshot of each language for review.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, SHOTS, welcomePage, type Browser } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch({ keepWelcome: true });
});
afterAll(() => browser?.close());

describe('welcome page', () => {
  it('opens on install, says what the extension does and reads, and leads to the settings', async () => {
    const page = await welcomePage(browser.context);
    await page.locator('h1').waitFor();
    expect(await page.locator('h1').textContent()).toBe('欢迎使用政府信息公开年报审核助手');
    expect(await page.locator('main').textContent()).toContain('不上传、不收集任何内容');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'welcome-zh.png'), fullPage: true });

    await page.getByTestId('language').click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Welcome to the Gov Disclosure Annual Report Auditor');
    await page.screenshot({ path: join(SHOTS, 'welcome-en.png'), fullPage: true });

    const options = browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/options.html') });
    await page.getByTestId('open-options').click();
    const opened = await options;
    await opened.locator('h1').waitFor();
    expect(await opened.locator('h1').textContent()).toBe('Report auditor · Settings'); // the language chosen above
  });

  it('is the only tab the extension opens by itself', async () => {
    const ours = browser.context
      .pages()
      .filter((p) => p.url().startsWith(`chrome-extension://${browser.extensionId}/`));
    expect(ours.map((p) => new URL(p.url()).pathname).sort()).toEqual(['/options.html', '/welcome.html']);
  });
});
