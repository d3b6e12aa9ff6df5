// Where a marker goes, from its target's viewport rectangle. Markers sit at the edge of what
// they describe so they never cover the number being questioned: on a table cell, centred on
// its top-right corner; on a heading or paragraph, in the left margin (right end if no margin);
// on a link, at its end;
// for something missing, on a dashed line just above (or below) the neighbour.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export const MARKER = 16;

export type Placement = 'on' | 'before' | 'after';

export interface MarkerBox {
  left: number;
  top: number;
  /** For missing things: the dashed line where they belong. */
  line?: { left: number; top: number; width: number };
}

const CELL = new Set(['TD', 'TH']);

/** Position of marker number `slot` (0, 1, …) for one target; several findings on a target line up. */
export function placeMarker(
  tag: string,
  r: Rect,
  placement: Placement,
  slot: number,
  viewportWidth: number,
): MarkerBox | null {
  if (r.width === 0 && r.height === 0) return null; // not rendered (display:none, detached)
  const step = (MARKER + 2) * slot;
  if (placement !== 'on') {
    const y = placement === 'before' ? r.top - MARKER - 4 : r.bottom + 4;
    return {
      left: Math.max(2, r.left) + step,
      top: y,
      line: { left: r.left, top: y + MARKER / 2, width: Math.max(r.width, 40) },
    };
  }
  // Tall targets (a table, a long paragraph or cell): the marker stays in view while any of it is.
  const pin = (y: number) => Math.max(y, Math.min(4, r.bottom - MARKER));
  if (CELL.has(tag)) return { left: r.right - MARKER / 2 - step, top: pin(r.top - MARKER / 2) };
  const top = pin(r.top + 2);
  if (tag === 'TABLE') return { left: Math.max(2, r.left - MARKER - 4) - step, top };
  const after = r.right + 4 + step;
  // A link sits in a line of text ("附件：<a>…</a>"): its left margin is that text, its end is free.
  if (tag === 'A' && after <= viewportWidth - MARKER - 2) return { left: after, top };
  const margin = r.left - MARKER - 6 - step;
  if (margin >= 2) return { left: margin, top };
  return { left: Math.min(after, viewportWidth - MARKER - 2), top };
}

/** A card below its target (above when there is no room), never over the thing it describes. */
export function placeCard(
  marker: { left: number; top: number },
  target: Rect,
  card: { width: number; height: number },
  vw: number,
  vh: number,
) {
  const left = Math.max(8, Math.min(marker.left, vw - card.width - 8));
  const below = target.bottom + 6;
  if (below + card.height <= vh - 8) return { left, top: below };
  const above = target.top - card.height - 6;
  if (above >= 8) return { left, top: above };
  // A target taller than the viewport: beside the marker, inside the viewport.
  let side = marker.left + MARKER + 6;
  if (side + card.width > vw - 8) side = Math.max(8, marker.left - card.width - 6);
  return { left: side, top: Math.max(8, Math.min(marker.top, vh - card.height - 8)) };
}
