// When the engine fails inside, the inspector is told and the page is left alone (issue 5): the
// exception is reported once to the console with our prefix, the popup says "审核失败：<reason>",
// and no overlay of ours stays on the page. The failure is real, not mocked: this report page has
// already defined a custom element named like our overlay host and given it a shadow root, so
// attaching ours throws.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, launch, openPopup, SHOTS, tabIdOf, type Browser } from './harness';

const TAKE_OUR_TAG = `<script>
customElements.define('gov-report-audit', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'closed' }); }
});
</script>`;

let server: Server;
let port: number;
let browser: Browser;
beforeAll(async () => {
  const page = (await readFile(join(FIXTURES, 'pages', 'clean-2021.html'), 'utf8')).replace(
    '<head>',
    `<head>${TAKE_OUR_TAG}`,
  );
  server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  port = await new Promise<number>((r) =>
    server.listen(0, '127.0.0.1', () => r((server.address() as { port: number }).port)),
  );
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe('an internal failure', () => {
  it('is reported once to the console, shown in the popup as 审核失败, and leaves no overlay', async () => {
    const page = await browser.context.newPage();
    // Console calls from every world of the page, the extension's isolated world included.
    const cdp = await browser.context.newCDPSession(page);
    const errors: string[] = [];
    cdp.on('Runtime.consoleAPICalled', (e) => {
      if (e.type === 'error') errors.push(e.args.map((a) => String(a.value ?? a.description ?? '')).join(' '));
    });
    await cdp.send('Runtime.enable');
    await page.goto(`http://www.linjiang.gov.cn:${port}/report.html`);
    expect(await page.title()).toContain('政府信息公开工作年度报告');

    const popup = await openPopup(browser, await tabIdOf(browser, page));
    const failed = popup.locator('[data-testid="failed"]');
    await failed.waitFor({ timeout: 15000 });
    expect(await failed.textContent()).toMatch(/^审核失败：.*shadow/i);

    // Again from the popup: the same failure, still reported to the console only once.
    const run = popup.locator('[data-testid="run"]');
    await run.click();
    await expect.poll(() => run.textContent()).toBe('重新审核');
    expect(await failed.textContent()).toMatch(/^审核失败：/);
    expect(errors.filter((e) => e.startsWith('[年报审核]'))).toHaveLength(1);
    expect(errors.filter((e) => e.startsWith('[年报审核]'))[0]).toMatch(/shadow/i);

    await popup.screenshot({ path: join(SHOTS, 'failed-popup.png'), fullPage: true });

    // Nothing of ours on the page: no host element, no marker, the page's own body untouched.
    expect(await page.locator('gov-report-audit').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
