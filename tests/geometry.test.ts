import { describe, expect, it } from 'vitest';
import { MARKER, placeCard, placeMarker } from '../components/overlay/geometry';

const rect = (left: number, top: number, width: number, height: number) => ({
  left,
  top,
  width,
  height,
  right: left + width,
  bottom: top + height,
});

describe('marker placement', () => {
  it('sits on the top-right corner of a cell, outside the centred number', () => {
    const cell = rect(100, 200, 60, 40);
    const m = placeMarker('TD', cell, 'on', 0, 1280)!;
    expect(m.left + MARKER / 2).toBe(cell.right);
    expect(m.top + MARKER / 2).toBe(cell.top);
    // the number is centred: the marker never reaches the middle third of the cell
    expect(m.left).toBeGreaterThan(cell.left + (cell.width * 2) / 3);
  });
  it('lines up several findings on one target', () => {
    const a = placeMarker('TD', rect(100, 200, 60, 40), 'on', 0, 1280)!;
    const b = placeMarker('TD', rect(100, 200, 60, 40), 'on', 1, 1280)!;
    expect(Math.abs(a.left - b.left)).toBeGreaterThanOrEqual(MARKER);
  });
  it('uses the left margin of a heading, or its right end when there is none', () => {
    expect(placeMarker('P', rect(100, 50, 400, 20), 'on', 0, 1280)!.left).toBeLessThan(100 - MARKER);
    expect(placeMarker('P', rect(0, 50, 400, 20), 'on', 0, 1280)!.left).toBeGreaterThanOrEqual(400);
  });
  it('puts the marker of a link at its end, clear of the text before it ("附件："), or left of it at the window edge', () => {
    const link = rect(120, 50, 300, 20);
    expect(placeMarker('A', link, 'on', 0, 1280)!.left).toBeGreaterThanOrEqual(link.right);
    expect(placeMarker('A', rect(900, 50, 370, 20), 'on', 0, 1280)!.left).toBeLessThan(900 - MARKER);
  });
  it('keeps the marker of a tall table in view while the table is', () => {
    const m = placeMarker('TABLE', rect(100, -500, 600, 1200), 'on', 0, 1280)!;
    expect(m.top).toBeGreaterThanOrEqual(0);
  });
  it('draws a gap line before the neighbour of a missing part', () => {
    const m = placeMarker('P', rect(100, 300, 500, 20), 'before', 0, 1280)!;
    expect(m.line!.top).toBeLessThan(300);
  });
  it('skips elements that are not rendered', () => {
    expect(placeMarker('TD', rect(0, 0, 0, 0), 'on', 0, 1280)).toBeNull();
  });
  it('puts the card below its target, or above it near the bottom, inside the viewport, never over it', () => {
    const target = rect(100, 300, 800, 30);
    const below = placeCard({ left: 80, top: 302 }, target, { width: 340, height: 150 }, 1280, 900);
    expect(below.top).toBeGreaterThanOrEqual(target.bottom);
    const low = rect(1000, 800, 200, 30);
    const above = placeCard({ left: 1190, top: 792 }, low, { width: 340, height: 150 }, 1280, 900);
    expect(above.top + 150).toBeLessThanOrEqual(low.top);
    expect(above.left + 340).toBeLessThanOrEqual(1280);
  });
});
