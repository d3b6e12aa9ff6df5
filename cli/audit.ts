// npm run audit -- [file.html | file.docx | directory | URL …] [--json]
// npm run audit -- --sweep <listing.html | directory | URL> [--tsv | --csv | --json]
// With no argument: the bundled sample pages (the five seeds as portal pages).
import { readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../lib/audit';
import { toText } from '../lib/format/text';
import { sweepReport } from './sweep';
import { loadPage } from './load';

const SAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../tests/fixtures/seeds');

async function expand(arg: string): Promise<string[]> {
  if (/^https?:\/\//.test(arg)) return [arg];
  const s = await stat(arg).catch(() => null);
  if (!s) return [arg]; // reported as unreadable below
  if (!s.isDirectory()) return [arg];
  const names = (await readdir(arg)).filter((n) => /\.(html?|docx)$/i.test(n)).sort();
  return names.map((n) => join(arg, n));
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const sweepAt = argv.indexOf('--sweep');
  if (sweepAt >= 0) {
    const target = argv[sweepAt + 1] ?? '';
    const format = json ? 'json' : argv.includes('--csv') ? 'csv' : argv.includes('--tsv') ? 'tsv' : 'md';
    return sweepReport(target, { load: loadPage, format }).then(
      (out) => (console.log(out), 0),
      (e: unknown) => (console.error(`无法读取 ${target}：${e instanceof Error ? e.message : String(e)}`), 1),
    );
  }
  const args = argv.filter((a) => !a.startsWith('--'));
  const sources = (await Promise.all((args.length ? args : [SAMPLES]).map(expand))).flat();
  const out: unknown[] = [];
  let failed = 0;
  for (const source of sources) {
    try {
      const { doc, url } = await loadPage(source);
      const { result } = audit(doc, { url });
      if (json) out.push({ source, url, ...result });
      else console.log(toText(result, { source }) + '\n');
    } catch (e) {
      failed++;
      const reason = e instanceof Error ? e.message : String(e);
      if (json) out.push({ source, error: reason });
      console.error(`无法读取 ${source}：${reason}`);
    }
  }
  if (json) console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
  return failed === sources.length && sources.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => process.exit(code));
