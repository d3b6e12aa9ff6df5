// Benchmark pages, generated from the fixtures: an ordinary portal home page (~5k nodes), and
// report pages whose tables are repeated to scale the table volume (1×, 4×, 16×, ~20k cells).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIX = join(import.meta.dirname, '..', 'tests', 'fixtures');
const read = (p: string) => readFileSync(join(FIX, p), 'utf8');

export function portalHome(): string {
  const links = (n: number, word: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<li><a href="/art/${i}.html">${word}第${i}条：全市召开工作推进会议部署重点任务</a><span>2024-0${(i % 9) + 1}-1${i % 10}</span></li>`,
    ).join('');
  const blocks = Array.from(
    { length: 24 },
    (_, b) =>
      `<div class="box"><h3>栏目${b}</h3><table class="layout"><tr><td><ul>${links(40, '要闻')}</ul></td></tr></table></div>`,
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>临江市人民政府门户网站</title><meta name="SiteName" content="临江市人民政府"><meta name="ColumnType" content="首页"></head><body><div id="header"><ul>${links(20, '导航')}</ul></div>${blocks}<div id="footer">主办单位：临江市人民政府办公室</div></body></html>`;
}

/**
 * clean-2021 with all its tables repeated `times` over (one copy ≈ 290 cells), each copy
 * captioned like a real compilation of sub-unit tables, so they are read as separate tables.
 */
export function scaledReport(times: number): string {
  const html = read('pages/clean-2021.html');
  return html.replace(/<table[\s\S]*?<\/table>/g, (t) =>
    Array.from({ length: times }, (_, i) =>
      i ? `<p>附表${i}：本局下属单位${i}的同口径统计表，数据已汇入上表，仅供参阅。</p>${t}` : t,
    ).join('\n'),
  );
}

export const fixture = read;
