import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ENGINE_SCRIPT, GATE_SCRIPT, GOV_HOSTS } from './components/ext/host';
import { IDLE_ICON } from './components/ext/toolbar';
import { DEFAULT_LOCALE, localeFiles, manifestMessage as msg } from './lib/i18n/locales';

/** pdf.js's character maps (CJK fonts need them) and standard fonts, for the document view: packaged
 *  under pdfjs/, so pdf.js never fetches them from the network (components/document/pdfjs.ts). */
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return ['cmaps', 'standard_fonts'].flatMap((dir) =>
    readdirSync(join(root, dir)).map((f) => ({ absoluteSrc: join(root, dir, f), relativeDest: `pdfjs/${dir}/${f}` })),
  );
}

// Chrome MV3 by default; `wxt build -b firefox` for Firefox (MV2).
export default defineConfig({
  webExt: { disabled: true },
  // The sources archive Mozilla's review rebuilds from: the extension's code and its build, not
  // the test corpus, benchmarks or listing images.
  zip: { excludeSources: ['tests/**', 'bench/**', 'store/listing/**'] },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:publicAssets': (_, files) => void files.push(...localeFiles(), ...pdfjsAssets()),
    // The toolbar button, as WXT built it from the popup (under MV2's browser_action): its title in
    // the browser's language (WXT would take the popup's <title>), and grey ("not a report") until
    // the engine sets the tab's state icon (components/ext/toolbar.ts); the browser resets it to
    // this one on navigation. The icons are drawn once in store/icon.svg.
    'build:manifestGenerated': (_, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) Object.assign(action, { default_title: msg('actionTitle'), default_icon: IDLE_ICON });
    },
  },
  manifest: ({ manifestVersion, browser }) => ({
    // Name, description and toolbar title in the browser's language, from the one catalog (lib/i18n).
    name: msg('extName'),
    description: msg('extDescription'),
    default_locale: DEFAULT_LOCALE,
    // activeTab + scripting: "审核此页" on any site; storage: settings; clipboardWrite: copy findings.
    permissions: ['activeTab', 'storage', 'scripting', 'clipboardWrite'],
    // The gate (entrypoints/gate.ts, an unlisted script so it carries no WXT runtime) on every
    // gov.cn page; the host permission lets the background inject the engine there.
    content_scripts: [{ matches: [GOV_HOSTS], js: [GATE_SCRIPT], run_at: 'document_idle' }],
    host_permissions: [GOV_HOSTS],
    // The gate imports the engine as a module there: no service-worker round trip, and the
    // browser keeps the engine's compiled code between pages. The cost: a gov.cn page can tell
    // that the extension is installed by fetching this file (it learns nothing else). Not in
    // Firefox: there the background injects the engine (see entrypoints/gate.ts), and MV2's list
    // form would make the file web-accessible to every site.
    ...(browser !== 'firefox' && { web_accessible_resources: [{ resources: [ENGINE_SCRIPT], matches: [GOV_HOSTS] }] }),
    // Auto-run hosts the user adds in options are requested one by one at that moment; local files
    // when the user opens one in the document view (Chrome: with "Allow access to file URLs" on).
    ...(manifestVersion === 3
      ? { optional_host_permissions: ['*://*/*', 'file:///*'] }
      : { optional_permissions: ['*://*/*'] }),
    // Drawn once in store/icon.svg (store/make-icons.ts renders these). Named here, not left to
    // WXT's discovery of public/icon/<size>.png, so the manifest says exactly which files count.
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    // Firefox only (Chrome warns about unknown keys; WXT passes them through): a fixed add-on id,
    // and Mozilla's data-collection declaration: nothing is collected or sent anywhere. 140 is the
    // first Firefox that knows data_collection_permissions (older ones ignore it, ≤127 reject it);
    // the scripting API used here needs 102 in MV2.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'gov-report-auditor@gov-report-auditor',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' }, // data_collection_permissions there
      },
    }),
  }),
});
