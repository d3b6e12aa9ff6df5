// The in-page overlay: markers at the edge of each finding's target, a card on hover/focus with
// the formula and the cells involved highlighted, a summary chip, and a findings panel. Drawn in
// one fixed layer inside our shadow root; the page's own elements are only measured, never touched.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FindingRefs } from '../../lib/audit';
import { kindOf, KINDS, type AuditResult, type Kind, type Locale } from '../../lib/result';
import { severityLabel } from '../../lib/format/text';
import { topRect } from '../ext/frames';
import { placeCard, placeMarker, type MarkerBox } from './geometry';
import { OVERLAY_TEXT } from './strings';

const RANK: Record<string, number> = { info: 0, warning: 1, error: 2 };
const GLYPH: Record<Kind, string> = { error: '!', warning: '!', info: 'i', review: '?' };

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
}

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

const rectOf = topRect;

function Boxes({ els, cls }: { els: Element[]; cls: string }) {
  return (
    <>
      {els.map((el, i) => {
        const r = rectOf(el);
        return r.width || r.height ? (
          <div key={i} class={`box ${cls}`} style={{ left: r.left, top: r.top, width: r.width, height: r.height }} />
        ) : null;
      })}
    </>
  );
}

export function Overlay({ result, refs, locale, minSeverity, bind }: OverlayProps) {
  const t = OVERLAY_TEXT[locale];
  // The top window, plus the frame a framed report scrolls in.
  const windows = useMemo(() => {
    const ws = new Set<Window>([window]);
    for (const r of refs)
      for (const el of r.targets) if (el.ownerDocument.defaultView) ws.add(el.ownerDocument.defaultView);
    return [...ws];
  }, [refs]);
  useFrame(windows);
  const [hidden, setHidden] = useState(false);
  const [panel, setPanel] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const [pulse, setPulse] = useState<number | null>(null);
  const [sevFilter, setSevFilter] = useState<'all' | Kind>('all');
  const [catFilter, setCatFilter] = useState<string>('all');
  const cardRef = useRef<HTMLDivElement>(null);
  const [cardSize, setCardSize] = useState({ width: 340, height: 140 });
  const vw = window.innerWidth;
  const vh = window.innerHeight;

  const shown = useMemo(
    () =>
      result.findings
        .map((f, i) => i)
        .filter((i) => RANK[result.findings[i].severity] >= RANK[minSeverity] && refs[i]?.targets.length),
    [result, refs, minSeverity],
  );

  // Marker boxes, with findings on the same element lined up side by side.
  const boxes = new Map<number, MarkerBox>();
  const slots = new Map<Element, number>();
  if (!hidden)
    for (const i of shown) {
      const { targets, placement } = refs[i];
      const el = targets[0];
      const slot = slots.get(el) ?? 0;
      slots.set(el, slot + 1);
      const box = placeMarker(el.tagName, rectOf(el), placement, slot, vw);
      if (box && box.top < vh + 40 && box.top > -40) boxes.set(i, box);
    }

  const reveal = (i: number) => {
    const el = refs[i]?.targets[0];
    setHidden(false);
    if (el) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    setPulse(i);
    setOpen(i);
    setTimeout(() => setPulse((p) => (p === i ? null : p)), 2200);
  };
  useEffect(() => bind({ reveal }));

  useLayoutEffect(() => {
    const el = cardRef.current;
    if (el && (el.offsetWidth !== cardSize.width || el.offsetHeight !== cardSize.height))
      setCardSize({ width: el.offsetWidth, height: el.offsetHeight });
  });
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && (setOpen(null), setPanel(false));
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, []);

  const counts = {
    error: result.summary.error,
    warning: result.summary.warning,
    info: result.summary.info,
    review: result.summary.review,
  };
  const openBox = open !== null ? boxes.get(open) : undefined;
  const openF = open !== null ? result.findings[open] : null;
  const listed = result.findings
    .map((f, i) => [f, i] as const)
    .filter(
      ([f]) => (sevFilter === 'all' || kindOf(f) === sevFilter) && (catFilter === 'all' || f.category === catFilter),
    );
  const categories = [...new Set(result.findings.map((f) => f.category))];

  return (
    <div class="layer" lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      {open !== null && refs[open] && <Boxes els={refs[open].related} cls="related" />}
      {open !== null && refs[open] && <Boxes els={refs[open].targets} cls="target" />}
      {pulse !== null && refs[pulse] && <Boxes els={refs[pulse].targets.slice(0, 1)} cls="pulse" />}
      {[...boxes].map(([i, b]) => {
        const f = result.findings[i];
        const k = kindOf(f);
        return (
          <>
            {b.line && <div class="gap" style={{ left: b.line.left, top: b.line.top, width: b.line.width }} />}
            {b.line && (
              <div class="gap-label" style={{ left: b.left + 20, top: b.top }}>
                {t.missing}：{f.params.numeral ? `${f.params.numeral}、${f.params.title ?? ''}` : f.location}
              </div>
            )}
            <button
              key={i}
              class={`marker ${k}${pulse === i ? ' pulse' : ''}`}
              style={{ left: b.left, top: b.top }}
              aria-label={`${severityLabel(k, locale)}：${f.message}`}
              data-rule={f.ruleId}
              data-index={i}
              onMouseEnter={() => setOpen(i)}
              onMouseLeave={() => setOpen((o) => (o === i && pulse !== i ? null : o))}
              onFocus={() => setOpen(i)}
              onBlur={() => setOpen((o) => (o === i ? null : o))}
              onClick={() => setOpen(i)}
            >
              <span>{GLYPH[k]}</span>
            </button>
          </>
        );
      })}
      {openF && openBox && (
        <div
          class="card"
          role="tooltip"
          ref={cardRef}
          style={placeCard(openBox, rectOf(refs[open!].targets[0]), cardSize, vw, vh)}
        >
          <div class="head">
            <span class={`tag ${kindOf(openF)}`}>{severityLabel(kindOf(openF), locale)}</span>
            <span class="rule">{openF.ruleId}</span>
            <span>{openF.location}</span>
          </div>
          <div class="msg">{openF.message}</div>
          {(openF.formula || openF.actual !== undefined) && (
            <div class="kv">
              {openF.formula && (
                <>
                  <span>{t.formula}</span>
                  <b>{openF.formula}</b>
                </>
              )}
              {openF.actual !== undefined && (
                <>
                  <span>{t.reported}</span>
                  <b>{String(openF.actual)}</b>
                </>
              )}
              {openF.expected !== undefined && (
                <>
                  <span>{t.computed}</span>
                  <b>{String(openF.expected)}</b>
                </>
              )}
            </div>
          )}
        </div>
      )}
      {panel && (
        <section class="panel" aria-label={t.panel}>
          <header>
            <span>
              {t.panel}（{result.findings.length}）
            </span>
            <button class="x" aria-label={t.close} onClick={() => setPanel(false)}>
              ×
            </button>
          </header>
          <div class="filters">
            <label>
              {t.filterSeverity}{' '}
              <select value={sevFilter} onChange={(e) => setSevFilter((e.target as HTMLSelectElement).value as Kind)}>
                <option value="all">{t.all}</option>
                {KINDS.map((k) => (
                  <option value={k}>{severityLabel(k, locale)}</option>
                ))}
              </select>
            </label>
            <label>
              {t.filterCategory}{' '}
              <select value={catFilter} onChange={(e) => setCatFilter((e.target as HTMLSelectElement).value)}>
                <option value="all">{t.all}</option>
                {categories.map((c) => (
                  <option value={c}>{t.categories[c as keyof typeof t.categories] ?? c}</option>
                ))}
              </select>
            </label>
          </div>
          {listed.length ? (
            <ol>
              {listed.map(([f, i]) => (
                <li key={i}>
                  <button onClick={() => reveal(i)} data-index={i}>
                    <span
                      class={`shape ${kindOf(f)}`}
                      style={{ marginTop: 4 }}
                      aria-label={severityLabel(kindOf(f), locale)}
                    />
                    <span>
                      <span class="loc">{f.location}</span>
                      <br />
                      {f.message}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          ) : (
            <div class="empty">{t.none}</div>
          )}
        </section>
      )}
      <div class="chip">
        <button class="open" onClick={() => setPanel((p) => !p)} aria-expanded={panel}>
          <b>{t.title}</b>
          {KINDS.map((k) => (
            <span class="count" title={severityLabel(k, locale)}>
              <span class={`shape ${k}`} />
              {counts[k]}
            </span>
          ))}
        </button>
        <button class="toggle" onClick={() => setHidden((h) => !h)} aria-pressed={hidden}>
          {hidden ? t.show : t.hide}
        </button>
      </div>
    </div>
  );
}
