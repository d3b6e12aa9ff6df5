// How other pages open the document view (document.html?src=…): apart from the view's own model, so
// the popup carries only these few lines.

/** `document.html?src=…` for a file's address. */
export const documentSearch = (src: string) => `?${new URLSearchParams({ src }).toString()}`;

/** Whether an address names a PDF by its path (the popup decides from the tab's URL: the browser's
 *  PDF viewer runs no content script). */
export function isPdfUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return /^(https?|file):$/.test(u.protocol) && /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}
