import browser from 'webextension-polyfill';
import { documentSearch } from '../components/document/link';
import { ENGINE_SCRIPT, GATE_SCRIPT } from '../components/ext/host';
import { countToday, findPreviousYear, putLogEntry } from '../components/ext/log-db';
import { onMessages } from '../components/ext/messaging';
import type { Settings } from '../components/ext/settings-model';
import { settingsItem } from '../components/ext/settings-store';
import { parseSettings } from '../components/ext/settings-schema';
import { toolbarFor, type Verdict } from '../components/ext/toolbar';
import type { LogEntry } from '../lib/log/entry';
import { mayRecord } from '../lib/log/record';
import { decodeWire, encodeWire } from '../lib/log/wire';

/** The stored settings, migrated and validated (zod lives in the background only). */
const loadSettings = async () => parseSettings(await settingsItem.getValue());

/** Per-tab verdict on the toolbar button (toolbar.ts): its state icon, error count, ✓ when clean.
 *  Per tab, so the browser resets it on navigation to the manifest's idle icon and no badge. */
function setToolbar(tabId: number, verdict: Verdict) {
  const action = browser.action ?? browser.browserAction;
  const { icon, badgeText: text, badgeColor: color } = toolbarFor(verdict);
  void action.setIcon({ tabId, path: icon });
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
    'badge:set': (verdict, { tabId }) => {
      if (tabId !== undefined) setToolbar(tabId, verdict);
    },
    // The inspection log (components/ext/log-db.ts): never a private window's page, nor when off.
    'log:record': async ({ entry }, sender) => {
      if (!mayRecord(sender, (await loadSettings()).log)) return false;
      await putLogEntry(decodeWire<LogEntry>(entry));
      return true;
    },
    'log:today': () => countToday(),
    'document:open': async ({ url }) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/document.html${documentSearch(url)}`) });
    },
    'log:previous': async ({ agency, year }) => {
      const e = await findPreviousYear(agency, year);
      return e?.digest && e.year !== null
        ? { url: e.url, title: e.title, year: e.year, view: encodeWire(e.digest.view) }
        : null;
    },
  });
  void loadSettings().then(registerHosts);
  settingsItem.watch((v) => void registerHosts(parseSettings(v)));
  // The welcome page, once: on install, not on updates or browser restarts.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
});
