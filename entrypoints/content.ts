import { startAuditor } from '../components/ext/auditor';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Injected again by the popup's "审核此页": one auditor per page.
    const w = window as unknown as { __govReportAuditor?: boolean };
    if (w.__govReportAuditor) return;
    w.__govReportAuditor = true;
    startAuditor(ctx);
  },
});
