// The sweep page's inputs: which listing (URL, and the tab that shows it) to sweep. Pure, so the
// popup (which opens the page) and the page (which reads it) agree, and Node tests can check it.

export interface SweepTarget {
  /** The 年报 listing page (http or https). */
  url: string;
  /** The tab showing it, to read its live links; null when unknown. */
  tab: number | null;
}

/** `sweep.html?…` query for a listing shown in a tab. */
export function sweepSearch(target: SweepTarget): string {
  const q = new URLSearchParams({ url: target.url });
  if (target.tab !== null) q.set('tab', String(target.tab));
  return `?${q.toString()}`;
}

/** The listing named by the page's own query; null unless it is an http(s) URL. */
export function parseSweepSearch(search: string): SweepTarget | null {
  const q = new URLSearchParams(search);
  const url = q.get('url') ?? '';
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) return null;
  } catch {
    return null;
  }
  const raw = q.get('tab') ?? '';
  const tab = /^\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null;
  return { url, tab };
}

/** The same page, ignoring the #fragment (is the tab still showing the listing?). */
export function samePage(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const strip = (u: string) => u.replace(/#.*$/, '');
  return strip(a) === strip(b);
}

/** Host names of match patterns ("*://www.x.gov.cn/*" → "www.x.gov.cn"), for messages. */
export const patternHost = (p: string) => p.replace(/^\*:\/\//, '').replace(/\/\*$/, '');
