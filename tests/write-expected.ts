// Draft X.expected.json for fixture pages that lack one, from the current output. A draft is a
// starting point: read every line against the page before committing it.
// npx tsx tests/write-expected.ts tests/fixtures/rules/foo.html …
import { existsSync, writeFileSync } from 'node:fs';
import { audit } from '../lib/audit';
import { loadPage } from '../cli/load';

for (const html of process.argv.slice(2)) {
  const side = html.replace(/\.html$/, '.expected.json');
  if (existsSync(side)) continue;
  const { doc, url } = await loadPage(html);
  const { result } = audit(doc, { url });
  const body = {
    detected: result.detected,
    ...(result.detected ? { format: result.report!.format } : { reason: result.reason }),
    findings: result.findings.map((f) => [f.ruleId, f.location, f.outcome, f.severity]),
  };
  // One finding per line keeps reviews and diffs readable.
  const findings = body.findings.map((f) => `    ${JSON.stringify(f)}`).join(',\n');
  const head = JSON.stringify({ ...body, findings: undefined }, null, 2).slice(0, -2);
  writeFileSync(side, `${head},\n  "findings": [${findings ? `\n${findings}\n  ` : ''}]\n}\n`);
  console.log(side);
}
