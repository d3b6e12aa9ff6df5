// A document's title (a Word file or a PDF has no <title> we can trust): read from its first lines.
import { isReportTitle } from '../report/detect';

/**
 * The report's title from its first paragraphs: the one that reads as a report title, or two that
 * do together (a long title set in two centred lines), after any cover line; else the first.
 */
export function titleOf(lead: string[]): string {
  // A title is a line, not the preamble that cites the format notice ("…年度报告格式》的通知").
  const title = (t: string) => t.length <= 60 && isReportTitle(t);
  for (let i = 0; i < lead.length; i++) {
    if (title(lead[i])) return lead[i];
    const next = lead[i + 1] ?? '';
    if (!title(next) && title(lead[i] + next)) return lead[i] + next;
  }
  return lead[0] ?? '';
}
