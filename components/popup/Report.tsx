// The popup's report views: identity, counts and verdict, unreadable tables, grouped findings,
// export buttons. Pure views: data in props, the language from the locale context.
import { countKinds, isCleanCounts, KINDS, type AuditResult, type Kind } from '../../lib/result';
import type { Snapshot } from '../ext/messaging';
import { useLocale } from '../locale';
import { formatExplanation, formatIsProblem, groupFindings, KIND_ICON, verdictText } from './model';
import type { PopupActions } from './usePopup';

export function Identity({ result, forced }: { result: AuditResult; forced: boolean }) {
  const { tr, locale } = useLocale();
  const rep = result.report;
  const format = rep?.format ?? 'unknown';
  const year = rep?.year ?? null;
  const problem = formatIsProblem(format, year);
  return (
    <section class="identity" data-testid="identity">
      {rep?.title && <h2 class="title">{rep.title}</h2>}
      <dl>
        <dt>{tr('report.agency')}</dt>
        <dd data-testid="agency">{rep?.agency || tr('report.unknownAgency')}</dd>
        <dt>{tr('report.year')}</dt>
        <dd data-testid="year">{year !== null ? tr('report.yearValue', { year }) : tr('report.unknownYear')}</dd>
        <dt>{tr('report.published')}</dt>
        <dd data-testid="published">{rep?.publishedAt || tr('report.unknownDate')}</dd>
        <dt>{tr('report.format')}</dt>
        <dd data-testid="format" class={problem ? 'format-problem' : undefined}>
          {problem && (
            <span class="icon" aria-hidden="true">
              {KIND_ICON.warning}{' '}
            </span>
          )}
          {formatExplanation(format, year, locale)}
        </dd>
      </dl>
      {forced && <p class="muted small">{tr('state.forced')}</p>}
    </section>
  );
}

export function Summary({ result }: { result: AuditResult }) {
  const { tr, locale } = useLocale();
  const counts = countKinds(result.findings);
  const clean = isCleanCounts(counts);
  return (
    <section class="summary">
      <ul class="chips" aria-label={tr('counts.label')}>
        {KINDS.map((k) => (
          <li key={k} class={`chip chip-${k}${counts[k] ? '' : ' zero'}`} data-kind={k}>
            <span class="icon" aria-hidden="true">
              {KIND_ICON[k]}
            </span>
            <span class="label">{tr(`sev.${k}`)}</span>
            <span class="num">{counts[k]}</span>
          </li>
        ))}
      </ul>
      <p class={`verdict ${clean ? 'clean' : 'issues'}`} data-testid="verdict">
        <span class="icon" aria-hidden="true">
          {clean ? '✔' : '!'}{' '}
        </span>
        {verdictText(counts, locale)}
      </p>
    </section>
  );
}

/** "与 2022 年报告比对": the log's previous-year report the cross-year findings compare with, linked. */
export function Compared({ prev }: { prev: NonNullable<Snapshot['compared']> }) {
  const { tr } = useLocale();
  return (
    <section class="compared" data-testid="compared">
      <h3>{tr('report.compared', { year: prev.year })}</h3>
      <p class="muted small">{tr('report.comparedHint')}</p>
      <a href={prev.url} target="_blank" rel="noopener noreferrer" data-testid="compared-link">
        {prev.title || prev.url}
      </a>
    </section>
  );
}

/** "今日已审核 N 份", a link to the log page. */
export function Today({ n, onLog }: { n: number; onLog: () => void }) {
  const { tr } = useLocale();
  return (
    <p class="today">
      <button type="button" class="link" onClick={onLog} data-testid="today">
        {tr('popup.today', { n })}
      </button>
    </p>
  );
}

export function Unreadable({ links }: { links: { text: string; href: string }[] }) {
  const { tr } = useLocale();
  return (
    <section class="unreadable" data-testid="unreadable">
      <h3>{tr('unreadable.title')}</h3>
      <p class="muted small">{tr('unreadable.hint')}</p>
      {links.length ? (
        <ul>
          {links.map((l, i) => (
            <li key={i}>
              <span class="link-text">{l.text || l.href}</span>
              {l.href && l.href !== l.text && <span class="href">{l.href}</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">{tr('unreadable.none')}</p>
      )}
    </section>
  );
}

export function Findings({ result, onReveal }: { result: AuditResult; onReveal: (index: number) => void }) {
  const { tr, locale } = useLocale();
  const groups = groupFindings(result.findings, locale);
  if (!groups.length) return <p class="muted">{tr('findings.none')}</p>;
  return (
    <section class="findings" aria-label={tr('findings.title')}>
      <p class="muted small">{tr('findings.revealHint')}</p>
      {groups.map((g) => (
        <section key={g.key} class="group" data-group={g.key}>
          <h3>
            {g.label} <span class="count">{g.items.length}</span>
          </h3>
          <ul>
            {g.items.map(({ finding, index, kind }) => (
              <li key={index}>
                <button
                  type="button"
                  class={`finding kind-${kind}`}
                  data-index={index}
                  data-rule={finding.ruleId}
                  title={finding.ruleId}
                  onClick={() => onReveal(index)}
                >
                  <SeverityMark kind={kind} />
                  <span class="body">
                    <span class="loc">{finding.location}</span>
                    <span class="msg">{finding.message}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function SeverityMark({ kind }: { kind: Kind }) {
  const { tr } = useLocale();
  return (
    <span class={`sev sev-${kind}`}>
      <span class="icon" aria-hidden="true">
        {KIND_ICON[kind]}
      </span>
      <span class="sev-label">{tr(`kind.${kind}`)}</span>
    </span>
  );
}

export function Exports({ result, actions }: { result: AuditResult; actions: Pick<PopupActions, 'copy' | 'save'> }) {
  const { tr } = useLocale();
  return (
    <section class="exports" aria-label={tr('export.title')}>
      <button type="button" data-testid="copy" onClick={() => actions.copy(result, 'text')}>
        {tr('export.copy')}
      </button>
      <button type="button" data-testid="copy-md" onClick={() => actions.copy(result, 'markdown')}>
        {tr('export.copyMd')}
      </button>
      <button type="button" data-testid="json" onClick={() => actions.save(result, 'json')}>
        {tr('export.json')}
      </button>
      <button type="button" data-testid="csv" onClick={() => actions.save(result, 'csv')}>
        {tr('export.csv')}
      </button>
    </section>
  );
}
