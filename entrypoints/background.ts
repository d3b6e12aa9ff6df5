import browser from 'webextension-polyfill';
import { ENGINE_SCRIPT, GATE_SCRIPT } from '../components/ext/host';
import { onMessages } from '../components/ext/messaging';
import type { Settings } from '../components/ext/settings-model';
import { settingsItem } from '../components/ext/settings-store';
import { parseSettings } from '../components/ext/settings-schema';

/** The stored settings, migrated and validated (zod lives in the background only). */
const loadSettings = async () => parseSettings(await settingsItem.getValue());

/** Per-tab verdict on the toolbar icon: error count, ✓ when clean, nothing on other pages. */
function setBadge(tabId: number, detected: boolean, errors: number, clean: boolean) {
  const action = browser.action ?? browser.browserAction;
  const text = !detected ? '' : clean ? '✓' : String(errors);
  const color = clean ? '#1a7f37' : errors ? '#cf222e' : '#9a6700';
  void action.setBadgeText({ tabId, text });
  if (text) void action.setBadgeBackgroundColor({ tabId, color });
}

/** Auto-run on the hosts the user added in options (their permission was granted there). */
async function registerHosts(s: Settings) {
  if (!browser.scripting?.registerContentScripts) return;
  const id = 'user-hosts';
  await browser.scripting.unregisterContentScripts({ ids: [id] }).catch(() => {});
  const matches = s.hosts.map((h) => `*://${h}/*`);
  if (!matches.length) return;
  await browser.scripting
    .registerContentScripts([{ id, matches, js: [GATE_SCRIPT], runAt: 'document_idle' }])
    .catch((e: unknown) => console.error('[年报审核] register hosts', e));
}

/** Inject the engine into the frame that asked, where the gate cannot import it (hosts added in options, pages audited on request). */
async function loadEngine(tabId: number, frameId = 0): Promise<boolean> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [`/${ENGINE_SCRIPT}`] });
  return true;
}

export default defineBackground(() => {
  onMessages({
    'settings:get': () => loadSettings(),
    'engine:load': (_, { tabId, frameId }) => (tabId === undefined ? false : loadEngine(tabId, frameId)),
    'badge:set': ({ detected, errors, clean }, { tabId }) => {
      if (tabId !== undefined) setBadge(tabId, detected, errors, clean);
    },
  });
  void loadSettings().then(registerHosts);
  settingsItem.watch((v) => void registerHosts(parseSettings(v)));
});
