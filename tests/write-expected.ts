// Draft X.expected.json for fixture pages that lack one, from the current output. A draft is a
// starting point: read every line against the page before committing it.
// npx tsx tests/write-expected.ts tests/fixtures/rules/foo.html …
import { existsSync, writeFileSync } from 'node:fs';
import { audit } from '../lib/audit';
import { loadPage } from '../cli/load';
import { expectationOf, expectedJson } from './expected';

for (const html of process.argv.slice(2)) {
  const side = html.replace(/\.html$/, '.expected.json');
  if (existsSync(side)) continue;
  const { doc, url } = await loadPage(html);
  const { result } = audit(doc, { url });
  const head = result.detected ? { format: result.report!.format } : { reason: result.reason };
  writeFileSync(
    side,
    expectedJson({ detected: result.detected, ...head, findings: result.findings.map(expectationOf) }),
  );
  console.log(side);
}
