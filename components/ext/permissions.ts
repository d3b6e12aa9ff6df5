// Host access for the extension pages (popup, options, sweep). A request must be made in the
// user's click, before any await (browsers require the gesture), so `requestHosts` starts it
// synchronously and turns a synchronous throw into a rejection.
import browser from 'webextension-polyfill';

export function requestHosts(patterns: string[]): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: patterns });
  } catch (e) {
    return Promise.reject(e);
  }
}

/** The match patterns among `patterns` the extension may not fetch from yet. */
export async function missingHosts(patterns: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of [...new Set(patterns)]) {
    const ok = await browser.permissions.contains({ origins: [p] }).catch(() => false);
    if (!ok) out.push(p);
  }
  return out;
}

export const dropHost = (pattern: string): Promise<void> =>
  browser.permissions.remove({ origins: [pattern] }).then(
    () => undefined,
    () => undefined,
  );
