import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ENGINE_SCRIPT, GATE_SCRIPT, GOV_HOSTS } from './components/ext/host';

// Chrome MV3 by default; `wxt build -b firefox` for Firefox (MV2).
export default defineConfig({
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ manifestVersion }) => ({
    name: '政府信息公开年报审核助手',
    description: '在政府网站上就地审核政府信息公开工作年度报告：缺失章节、旧版表格、勾稽关系、文表不符。',
    // activeTab + scripting: "审核此页" on any site; storage: settings; clipboardWrite: copy findings.
    permissions: ['activeTab', 'storage', 'scripting', 'clipboardWrite'],
    // The gate (entrypoints/gate.ts, an unlisted script so it carries no WXT runtime) on every
    // gov.cn page; the host permission lets the background inject the engine there.
    content_scripts: [{ matches: [GOV_HOSTS], js: [GATE_SCRIPT], run_at: 'document_idle' }],
    host_permissions: [GOV_HOSTS],
    // The gate imports the engine as a module there: no service-worker round trip, and the
    // browser keeps the engine's compiled code between pages. The cost: a gov.cn page can tell
    // that the extension is installed by fetching this file (it learns nothing else).
    web_accessible_resources: [{ resources: [ENGINE_SCRIPT], matches: [GOV_HOSTS] }],
    // Auto-run hosts the user adds in options are requested one by one at that moment.
    ...(manifestVersion === 3 ? { optional_host_permissions: ['*://*/*'] } : { optional_permissions: ['*://*/*'] }),
    action: { default_title: '年报审核' },
  }),
});
