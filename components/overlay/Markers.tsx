// Markers at the edge of each finding's target (never over the number in question), a dashed gap
// line where a missing part belongs, and the outline boxes of an open finding's cells.
import { kindOf, type AuditResult, type Kind } from '../../lib/result';
import { severityLabel } from '../../lib/format/text';
import { topRect } from '../ext/frames';
import { useLocale } from '../locale';
import type { MarkerBox } from './geometry';

const GLYPH: Record<Kind, string> = { error: '!', warning: '!', info: 'i', review: '?' };

/** Outline boxes over page elements (targets, related cells, the pulse of a revealed finding). */
export function Boxes({ els, cls }: { els: Element[]; cls: string }) {
  return (
    <>
      {els.map((el, i) => {
        const r = topRect(el);
        return r.width || r.height ? (
          <div key={i} class={`box ${cls}`} style={{ left: r.left, top: r.top, width: r.width, height: r.height }} />
        ) : null;
      })}
    </>
  );
}

interface MarkersProps {
  result: AuditResult;
  boxes: Map<number, MarkerBox>;
  pulse: number | null;
  /** Open a finding's card (hover, focus, click). */
  onOpen: (i: number) => void;
  /** The pointer left the marker (a revealed, pulsing card stays open) or focus left it. */
  onLeave: (i: number) => void;
  onBlur: (i: number) => void;
}

export function Markers({ result, boxes, pulse, onOpen, onLeave, onBlur }: MarkersProps) {
  const { tr, locale } = useLocale();
  return (
    <>
      {[...boxes].map(([i, b]) => {
        const f = result.findings[i];
        const k = kindOf(f);
        return (
          <>
            {b.line && <div class="gap" style={{ left: b.line.left, top: b.line.top, width: b.line.width }} />}
            {b.line && (
              <div class="gap-label" style={{ left: b.left + 20, top: b.top }}>
                {tr('overlay.missing')}：
                {f.params.numeral ? `${f.params.numeral}、${f.params.title ?? ''}` : f.location}
              </div>
            )}
            <button
              key={i}
              class={`marker ${k}${pulse === i ? ' pulse' : ''}`}
              style={{ left: b.left, top: b.top }}
              aria-label={`${severityLabel(k, locale)}：${f.message}`}
              data-rule={f.ruleId}
              data-location={f.location}
              data-index={i}
              onMouseEnter={() => onOpen(i)}
              onMouseLeave={() => onLeave(i)}
              onFocus={() => onOpen(i)}
              onBlur={() => onBlur(i)}
              onClick={() => onOpen(i)}
            >
              <span>{GLYPH[k]}</span>
            </button>
          </>
        );
      })}
    </>
  );
}
