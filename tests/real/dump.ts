// Print a page as a reader sees it — the article's text lines and every table as its expanded
// grid — so a person can judge a real report by hand (recompute its identities) without our
// table readers in the way. Uses only the container finder, the linearizer and the grid builder.
// npx tsx tests/real/dump.ts PAGE.html … [--out DIR]
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadPage } from '../../cli/load';
import { linearize } from '../../lib/dom/blocks';
import { findContainer } from '../../lib/dom/container';
import { metaContent } from '../../lib/dom/xpath';
import { buildGrid, isOrigin } from '../../lib/tables/grid';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const outDir = outAt >= 0 ? args.splice(outAt, 2)[1] : null;

for (const file of args) {
  const { doc, url } = await loadPage(file);
  const lines: string[] = [`# ${file}`, `url: ${url}`, `<title>: ${doc.title}`];
  for (const m of ['ArticleTitle', 'PubDate', 'Url', 'Author']) lines.push(`meta ${m}: ${metaContent(doc, m) ?? ''}`);
  const container = findContainer(doc);
  lines.push(`container: <${container.tagName.toLowerCase()} class="${container.getAttribute('class') ?? ''}">`, '');
  let t = 0;
  for (const b of linearize(container)) {
    if (b.kind === 'text') lines.push(b.text);
    else if (b.kind === 'image') lines.push(`[${b.el.tagName.toLowerCase()} ${b.el.getAttribute('src') ?? ''}]`);
    else {
      const g = buildGrid(b.el);
      lines.push(
        `[table ${++t}: ${g.rows.length} rows × ${g.width} cols; cells as written, ^ = span from above, < = span from left]`,
      );
      g.rows.forEach((row, r) => {
        const cells = row.map((c, col) => (!c.el ? '·' : isOrigin(c, r, col) ? c.label || '∅' : c.row < r ? '^' : '<'));
        lines.push(`  r${r} (${g.rowWidths[r]} written): ${cells.join(' | ')}`);
      });
      lines.push(`[/table ${t}]`);
    }
  }
  const text = lines.join('\n') + '\n';
  if (outDir) {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, basename(file).replace(/\.html?$/, '.txt')), text);
  } else process.stdout.write(text);
}
