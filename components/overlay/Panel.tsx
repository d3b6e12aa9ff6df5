// The findings panel, opened from the chip: every finding (markers may be filtered by severity),
// filterable by kind and rule group; a click reveals the finding on the page.
import { useState } from 'preact/hooks';
import { kindOf, KINDS, type AuditResult, type Kind } from '../../lib/result';
import { severityLabel } from '../../lib/format/text';
import type { MessageKey } from '../../lib/i18n';
import { useLocale } from '../locale';

export function Panel({
  result,
  onReveal,
  onClose,
}: {
  result: AuditResult;
  onReveal: (i: number) => void;
  onClose: () => void;
}) {
  const { tr, locale } = useLocale();
  const [sevFilter, setSevFilter] = useState<'all' | Kind>('all');
  const [catFilter, setCatFilter] = useState<string>('all');
  const listed = result.findings
    .map((f, i) => [f, i] as const)
    .filter(
      ([f]) => (sevFilter === 'all' || kindOf(f) === sevFilter) && (catFilter === 'all' || f.category === catFilter),
    );
  const categories = [...new Set(result.findings.map((f) => f.category))];
  return (
    <section class="panel" aria-label={tr('overlay.panel')}>
      <header>
        <span>
          {tr('overlay.panel')}（{result.findings.length}）
        </span>
        <button class="x" aria-label={tr('overlay.close')} onClick={onClose}>
          ×
        </button>
      </header>
      <div class="filters">
        <label>
          {tr('overlay.filterSeverity')}{' '}
          <select value={sevFilter} onChange={(e) => setSevFilter((e.target as HTMLSelectElement).value as Kind)}>
            <option value="all">{tr('overlay.all')}</option>
            {KINDS.map((k) => (
              <option value={k}>{severityLabel(k, locale)}</option>
            ))}
          </select>
        </label>
        <label>
          {tr('overlay.filterCategory')}{' '}
          <select value={catFilter} onChange={(e) => setCatFilter((e.target as HTMLSelectElement).value)}>
            <option value="all">{tr('overlay.all')}</option>
            {categories.map((c) => (
              <option value={c}>{tr(`group.${c}` as MessageKey)}</option>
            ))}
          </select>
        </label>
      </div>
      {listed.length ? (
        <ol>
          {listed.map(([f, i]) => (
            <li key={i}>
              <button onClick={() => onReveal(i)} data-index={i}>
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
        <div class="empty">{tr('overlay.none')}</div>
      )}
    </section>
  );
}
