// The summary chip in the corner: counts by kind (opens the panel) and hide / show markers.
import { KINDS, type AuditResult } from '../../lib/result';
import { severityLabel } from '../../lib/format/text';
import { useLocale } from '../locale';

interface ChipProps {
  summary: AuditResult['summary'];
  panel: boolean;
  hidden: boolean;
  onPanel: () => void;
  onHide: () => void;
  /** "审核附件": the page's report file in the document view (a stub page). */
  onAttachment?: () => void;
}

export function Chip({ summary, panel, hidden, onPanel, onHide, onAttachment }: ChipProps) {
  const { tr, locale } = useLocale();
  return (
    <div class="chip">
      <button class="open" onClick={onPanel} aria-expanded={panel}>
        <b>{tr('overlay.title')}</b>
        {KINDS.map((k) => (
          <span class="count" title={severityLabel(k, locale)}>
            <span class={`shape ${k}`} />
            {summary[k]}
          </span>
        ))}
      </button>
      {onAttachment && (
        <button class="attach" onClick={onAttachment} data-testid="chip-attachment">
          {tr('action.auditAttachment')}
        </button>
      )}
      <button class="toggle" onClick={onHide} aria-pressed={hidden}>
        {hidden ? tr('overlay.show') : tr('overlay.hide')}
      </button>
    </div>
  );
}
