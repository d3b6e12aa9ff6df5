// A CSS path from <body> to an element (tag:nth-of-type chain). Lets the JSON result point at the
// element a finding is about, identically in jsdom and in the browser.
export function cssPath(el: Element): string {
  const parts: string[] = [];
  for (let e: Element | null = el; e && e.tagName !== 'BODY' && e.tagName !== 'HTML'; e = e.parentElement) {
    let n = 1;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === e.tagName) n++;
    parts.push(`${e.tagName.toLowerCase()}:nth-of-type(${n})`);
  }
  return ['body', ...parts.reverse()].join(' > ');
}
