// The extension's document view on a PDF, in Debian Chromium with the built extension: from
// opening document.html?src=… to the audit done (fetched, pdf.js loaded, every page read, audited)
// and to the first page painted with its markers. Timed inside the page (performance.now(), from
// the navigation's start; polled every frame), medians of RUNS.
import { readFile } from 'node:fs/promises';
import { launch, servePages } from '../tests/e2e/harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Polled every frame from the navigation's commit: records the first frame each condition holds. */
const WATCH = () => {
  const w = window as unknown as { __audited?: number; __firstPage?: number };
  const now = performance.now();
  if (!w.__audited && document.querySelector('.docview[data-audit="done"]')) w.__audited = now;
  const marker = document.querySelector('gov-report-audit')?.shadowRoot?.querySelector('.marker');
  if (!w.__firstPage && marker && document.querySelector('.pdf-page[data-page-number="1"] canvas')) w.__firstPage = now;
  return !!w.__audited && !!w.__firstPage;
};

export async function documentViewTimes(pdfFile: string): Promise<{ audited: number; firstPage: number }> {
  const bytes = await readFile(pdfFile);
  const served = await servePages(async (path) => (path.endsWith('report.pdf') ? bytes : null));
  const b = await launch();
  try {
    const src = `http://www.linjiang.gov.cn:${served.port}/report.pdf`;
    const audited: number[] = [];
    const firstPage: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await b.context.newPage();
      await page.goto(`chrome-extension://${b.extensionId}/document.html?${new URLSearchParams({ src })}`, {
        waitUntil: 'commit',
      });
      await page.waitForFunction(WATCH, null, { timeout: 60000, polling: 'raf' });
      const t = await page.evaluate(() => {
        const w = window as unknown as { __audited: number; __firstPage: number };
        return { audited: w.__audited, firstPage: w.__firstPage };
      });
      audited.push(t.audited);
      firstPage.push(t.firstPage);
      await page.close();
    }
    return { audited: median(audited), firstPage: median(firstPage) };
  } finally {
    await b.close();
    await served.close();
  }
}
