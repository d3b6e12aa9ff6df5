// How the engine reaches a page (issue 4). On gov.cn the gate imports it as a web-accessible
// module (no service-worker round trip; the browser keeps its compiled code between pages). On a
// host the user added in options, importing is not allowed: the background injects it instead,
// and the gate must not try the import first (a denied load logs an error in the page console).
// Ordinary pages get neither. Both ways draw the same markers.
import { describe, expect, it } from 'vitest';
import { markers, fixtureSession } from './harness';

const USER_HOST = 'www.linjiang.example.org';
const session = fixtureSession({ userHost: USER_HOST });

/** Load a page; report the extension resources it requested and the page console's errors. */
async function visit(host: string, path: string, report: boolean) {
  const page = await session.browser.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('http')) requests.push(r.url().replace(/^chrome-extension:\/\/[a-z]+/, 'ext:'));
  });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`http://${host}:${session.served.port}/${path}`);
  if (report) await markers(page).first().waitFor({ timeout: 15000 });
  else await page.waitForTimeout(800);
  const count = await markers(page).count();
  await page.close();
  return { requests, errors: errors.filter((e) => !e.includes('404')), count };
}

describe('loading the engine', () => {
  it('on a gov.cn report: imported by the gate as a module', async () => {
    const v = await visit('www.linjiang.gov.cn', 'seeds/000.html', true);
    expect(v.requests).toEqual(['ext:/engine.js']);
    expect(v.errors).toEqual([]);
    expect(v.count).toBeGreaterThan(0);
  });

  it('on a host added in options: injected by the background, with no import attempted', async () => {
    const gov = await visit('www.linjiang.gov.cn', 'seeds/002.html', true);
    const user = await visit(USER_HOST, 'seeds/002.html', true);
    expect(user.requests).toEqual([]);
    expect(user.errors).toEqual([]);
    expect(user.count).toBe(gov.count);
  });

  it('on an ordinary gov.cn page: not loaded at all', async () => {
    const v = await visit('www.linjiang.gov.cn', 'pages/news-layout.html', false);
    expect(v.requests).toEqual([]);
    expect(v.count).toBe(0);
  });
});
