// page.scanned: a PDF report with no text layer (a scan). There is no text to build a report model
// from, so this is not a check over one: the document reader finds it (lib/documents/audit.ts) and
// nothing else is reported for the file. The same data as every rule, for its finding and help.
import type { Rule } from './types';

const scanned: Pick<Rule, 'id' | 'severity' | 'category' | 'tags' | 'help' | 'messages'> = {
  id: 'page.scanned',
  severity: 'info',
  category: 'page',
  tags: ['page'],
  help: {
    zh: 'PDF 为扫描件（无文字层），无法按文字审核',
    en: 'The PDF is a scan (no text layer) and cannot be read as text',
  },
  messages: {
    default: {
      zh: '该 PDF 共 {pages} 页，均为图片（扫描件，无文字层），无法自动审核，请人工查看',
      en: 'All {pages} pages of this PDF are images (a scan with no text layer); it cannot be audited automatically — check it by hand',
    },
  },
};
export default scanned;
