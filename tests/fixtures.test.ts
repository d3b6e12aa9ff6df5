import { describe, expect, it } from 'vitest';
import { audit } from '../lib/audit';
import { AuditResultSchema } from '../lib/result-schema';
import { loadPage } from '../cli/load';
import { expectedKeys, findingKeys, fixturePages } from './expected';

for (const dir of ['seeds', 'pages', 'rules']) {
  const pages = fixturePages(dir);
  describe.runIf(pages.length > 0)(`fixtures/${dir}`, () => {
    for (const { html, expected } of pages) {
      it(html.split('/').slice(-1)[0], async () => {
        const { doc, url } = await loadPage(html);
        const { result } = audit(doc, { url });
        expect(AuditResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
        expect(result.detected).toBe(expected.detected);
        if (expected.reason) expect(result.reason).toBe(expected.reason);
        if (expected.format) expect(result.report?.format).toBe(expected.format);
        expect(findingKeys(result)).toEqual(expectedKeys(expected));
      });
    }
  });
}
