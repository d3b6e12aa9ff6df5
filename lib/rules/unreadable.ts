// Tables given as images, embeds or attachments: a section counts as unreadable (not missing)
// when it holds an image/embed, or when the body links an attachment and the section has no table.
import type { ReportModel } from '../report/build';

export function unreadableFor(r: ReportModel, n: number): Element[] {
  const s = r.sections.get(n);
  if (!s) return [];
  const images = s.blocks.filter((b) => b.kind === 'image').map((b) => b.el);
  const hasTable = s.blocks.some((b) => b.kind === 'table');
  const attachments = hasTable ? [] : r.unreadable.filter((el) => el.tagName === 'A');
  return [...images, ...attachments];
}
