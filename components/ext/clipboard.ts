// Copy to the clipboard from an extension page: plain text, and HTML beside it when given (a table
// pastes into Word/WPS/Excel as a table).
export async function writeClipboard(plain: string, html?: string): Promise<void> {
  const clip = navigator.clipboard;
  if (!clip) throw new Error('navigator.clipboard is undefined');
  if (html !== undefined && typeof ClipboardItem !== 'undefined' && clip.write) {
    await clip.write([
      new ClipboardItem({
        'text/plain': new Blob([plain], { type: 'text/plain' }),
        'text/html': new Blob([html], { type: 'text/html' }),
      }),
    ]);
  } else {
    await clip.writeText(plain);
  }
}
