// The in-page overlay: markers at the edge of each finding's target, a card on hover/focus with
// the formula and the cells involved highlighted, a summary chip, and a findings panel. Drawn in
// one fixed layer inside our shadow root; the page's own elements are only measured, never
// touched. This file holds the state; Markers, Card, Panel and Chip render.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { FindingRefs } from '../../lib/audit';
import type { AuditResult, Locale } from '../../lib/result';
import { topRect } from '../ext/frames';
import { LocaleProvider } from '../locale';
import { Card } from './Card';
import { Chip } from './Chip';
import { placeMarker, type MarkerBox } from './geometry';
import { Boxes, Markers } from './Markers';
import { Panel } from './Panel';

const RANK: Record<string, number> = { info: 0, warning: 1, error: 2 };

export interface OverlayHandle {
  reveal(index: number): void;
}

export interface OverlayProps {
  result: AuditResult;
  refs: FindingRefs[];
  locale: Locale;
  minSeverity: 'info' | 'warning' | 'error';
  /** Lets the controller reach reveal() for clicks in the popup. */
  bind(handle: OverlayHandle): void;
  /** Open the page's report file (an attachment) in the document view: a button on the chip. */
  onAttachment?: () => void;
}

/** A re-render on every scroll (of the page or a frame we mark in) and resize, once per frame. */
function useFrame(windows: Window[]): number {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    let pending = 0;
    const bump = () => {
      if (!pending) pending = requestAnimationFrame(() => ((pending = 0), setFrame((f) => f + 1)));
    };
    const opts = { passive: true, capture: true } as const;
    for (const w of windows) w.addEventListener('scroll', bump, opts);
    window.addEventListener('resize', bump, opts);
    const ro = new ResizeObserver(bump);
    ro.observe(document.documentElement);
    return () => {
      for (const w of windows) w.removeEventListener('scroll', bump, opts);
      window.removeEventListener('resize', bump, opts);
      ro.disconnect();
      cancelAnimationFrame(pending);
    };
  }, [windows]);
  return frame;
}

/** Marker boxes of the findings shown, those on one element lined up side by side; on screen only. */
function layoutMarkers(shown: number[], refs: FindingRefs[]): Map<number, MarkerBox> {
  const boxes = new Map<number, MarkerBox>();
  const slots = new Map<Element, number>();
  for (const i of shown) {
    const { targets, placement } = refs[i];
    const el = targets[0];
    const slot = slots.get(el) ?? 0;
    slots.set(el, slot + 1);
    const box = placeMarker(el.tagName, topRect(el), placement, slot, window.innerWidth);
    if (box && box.top < window.innerHeight + 40 && box.top > -40) boxes.set(i, box);
  }
  return boxes;
}

/** The top window, plus the frame a framed report scrolls in. */
function useWindows(refs: FindingRefs[]): Window[] {
  return useMemo(() => {
    const ws = new Set<Window>([window]);
    for (const r of refs)
      for (const el of r.targets) if (el.ownerDocument.defaultView) ws.add(el.ownerDocument.defaultView);
    return [...ws];
  }, [refs]);
}

/** Escape closes what is open (card, panel). */
function useEscape(close: () => void) {
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, []);
}

export function Overlay({ result, refs, locale, minSeverity, bind, onAttachment }: OverlayProps) {
  useFrame(useWindows(refs));
  const [hidden, setHidden] = useState(false);
  const [panel, setPanel] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [pulse, setPulse] = useState<number | null>(null);

  const shown = useMemo(
    () =>
      result.findings
        .map((f, i) => i)
        .filter((i) => RANK[result.findings[i].severity] >= RANK[minSeverity] && refs[i]?.targets.length),
    [result, refs, minSeverity],
  );
  const boxes = hidden ? new Map<number, MarkerBox>() : layoutMarkers(shown, refs);

  const reveal = (i: number) => {
    const el = refs[i]?.targets[0];
    setHidden(false);
    if (el) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setPulse(i);
    setOpen(i);
    setTimeout(() => setPulse((p) => (p === i ? null : p)), 2200);
  };
  useEffect(() => bind({ reveal }));
  useEscape(() => (setOpen(null), setPanel(false)));

  const openBox = open !== null ? boxes.get(open) : undefined;
  return (
    <LocaleProvider locale={locale}>
      <div class="layer" lang={locale === 'zh' ? 'zh-CN' : 'en'}>
        {open !== null && refs[open] && <Boxes els={refs[open].related} cls="related" />}
        {open !== null && refs[open] && <Boxes els={refs[open].targets} cls="target" />}
        {pulse !== null && refs[pulse] && <Boxes els={refs[pulse].targets.slice(0, 1)} cls="pulse" />}
        <Markers
          result={result}
          boxes={boxes}
          pulse={pulse}
          onOpen={setOpen}
          onLeave={(i) => setOpen((o) => (o === i && pulse !== i ? null : o))}
          onBlur={(i) => setOpen((o) => (o === i ? null : o))}
        />
        {open !== null && openBox && (
          <Card f={result.findings[open]} box={openBox} target={topRect(refs[open].targets[0])} />
        )}
        {panel && <Panel result={result} onReveal={reveal} onClose={() => setPanel(false)} />}
        <Chip
          summary={result.summary}
          panel={panel}
          hidden={hidden}
          onPanel={() => setPanel((p) => !p)}
          onHide={() => setHidden((h) => !h)}
          onAttachment={onAttachment}
        />
      </div>
    </LocaleProvider>
  );
}
