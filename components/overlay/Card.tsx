// The card of an open finding: kind, rule, location, message and — for arithmetic — the formula
// with the reported and the computed value. Placed beside its marker, never over the target.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { kindOf, type Finding } from '../../lib/result';
import { severityLabel } from '../../lib/format/text';
import { useLocale } from '../locale';
import { placeCard, type MarkerBox } from './geometry';

export function Card({ f, box, target }: { f: Finding; box: MarkerBox; target: DOMRect }) {
  const { tr, locale } = useLocale();
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 340, height: 140 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && (el.offsetWidth !== size.width || el.offsetHeight !== size.height))
      setSize({ width: el.offsetWidth, height: el.offsetHeight });
  });
  const k = kindOf(f);
  return (
    <div
      class="card"
      role="tooltip"
      ref={ref}
      style={placeCard(box, target, size, window.innerWidth, window.innerHeight)}
    >
      <div class="head">
        <span class={`tag ${k}`}>{severityLabel(k, locale)}</span>
        <span class="rule">{f.ruleId}</span>
        <span>{f.location}</span>
      </div>
      <div class="msg">{f.message}</div>
      {(f.formula || f.actual !== undefined) && (
        <div class="kv">
          {f.formula && (
            <>
              <span>{tr('overlay.formula')}</span>
              <b>{f.formula}</b>
            </>
          )}
          {f.actual !== undefined && (
            <>
              <span>{tr('overlay.reported')}</span>
              <b>{String(f.actual)}</b>
            </>
          )}
          {f.expected !== undefined && (
            <>
              <span>{tr('overlay.computed')}</span>
              <b>{String(f.expected)}</b>
            </>
          )}
        </div>
      )}
    </div>
  );
}
