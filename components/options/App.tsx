// The options page: rule groups, lowest severity marked on the page, extra auto-run hosts, the
// UI language and the inspection log. State and browser calls live in useOptions.ts; this file only renders.
import { useState } from 'preact/hooks';
import { LOG_CAP } from '../../lib/log/entry';
import { CATEGORIES, LOCALES } from '../../lib/result';
import type { Settings } from '../ext/settings-model';
import type { MessageKey } from '../../lib/i18n';
import { LocaleProvider, useDocumentLocale, useLocale } from '../locale';
import { OPTIONS_MESSAGES, type OptionsKey } from './messages';
import { useOptions, type OptionsActions } from './useOptions';
import '../theme.css';
import './options.css';

const SEVERITIES = ['info', 'warning', 'error'] as const;

export function App() {
  const { settings, status, hostError, actions } = useOptions();
  const locale = settings?.locale ?? 'zh';
  useDocumentLocale(locale, 'options.title', OPTIONS_MESSAGES);
  if (!settings) return <div class="options" aria-busy="true" />;
  const { save } = actions;
  return (
    <LocaleProvider locale={locale} catalog={OPTIONS_MESSAGES}>
      <div class="options">
        <Header status={status} />
        <Categories settings={settings} save={save} />
        <MinSeverity settings={settings} save={save} />
        <Hosts hosts={settings.hosts} error={hostError} actions={actions} />
        <Language settings={settings} save={save} />
        <Log settings={settings} save={save} />
      </div>
    </LocaleProvider>
  );
}

type Save = OptionsActions['save'];

function Header({ status }: { status: { text: string; tone: string } | null }) {
  const { tr } = useLocale<OptionsKey>();
  return (
    <header>
      <h1>{tr('options.title')}</h1>
      <a class="log-link" href="log.html" target="_blank" rel="noopener" data-testid="open-log">
        {tr('log.open')}
      </a>
      <p class={`saved ${status?.tone ?? ''}`} role="status" aria-live="polite" data-testid="saved">
        {status?.text ?? ''}
      </p>
    </header>
  );
}

function Categories({ settings, save }: { settings: Settings; save: Save }) {
  const { tr } = useLocale<OptionsKey>();
  return (
    <fieldset>
      <legend>{tr('options.categories')}</legend>
      <p class="hint">{tr('options.categoriesHint')}</p>
      {CATEGORIES.map((c) => (
        <label key={c} class="check">
          <input
            type="checkbox"
            name={`cat-${c}`}
            checked={settings.categories[c] !== false}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              void save((s) => ({ ...s, categories: { ...s.categories, [c]: on } }));
            }}
          />
          <span class="name">{tr(`cat.${c}`)}</span>
          <span class="desc">{tr(`cat.${c}.desc` as MessageKey)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function MinSeverity({ settings, save }: { settings: Settings; save: Save }) {
  const { tr } = useLocale<OptionsKey>();
  return (
    <fieldset>
      <legend>{tr('options.minSeverity')}</legend>
      <p class="hint">{tr('options.minSeverityHint')}</p>
      {SEVERITIES.map((sev) => (
        <label key={sev} class="radio">
          <input
            type="radio"
            name="minSeverity"
            value={sev}
            checked={settings.minSeverity === sev}
            onChange={() => void save((s) => ({ ...s, minSeverity: sev }))}
          />
          <span class={`mark mark-${sev}`} aria-hidden="true">
            {sev === 'error' ? '✖' : sev === 'warning' ? '▲' : 'ℹ'}
          </span>
          {tr(`options.min.${sev}`)}
        </label>
      ))}
    </fieldset>
  );
}

function Hosts({ hosts, error, actions }: { hosts: string[]; error: string | null; actions: OptionsActions }) {
  const { tr } = useLocale<OptionsKey>();
  const [input, setInput] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    // addHost asks for the permission synchronously, inside this submit (the user gesture).
    void actions.addHost(input).then((added) => added && setInput(''));
  };
  return (
    <fieldset>
      <legend>{tr('options.hosts')}</legend>
      <p class="hint">{tr('options.hostsHint')}</p>
      {hosts.length ? (
        <ul class="hosts" data-testid="hosts">
          {hosts.map((h) => (
            <li key={h}>
              <code>{h}</code>
              <button
                type="button"
                class="remove"
                aria-label={tr('options.hostRemoveLabel', { host: h })}
                onClick={() => actions.removeHost(h)}
              >
                {tr('options.hostRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">{tr('options.hostsEmpty')}</p>
      )}
      <form class="add-host" onSubmit={add} noValidate>
        <input
          type="text"
          name="host"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder={tr('options.hostPlaceholder')}
          value={input}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'host-error' : undefined}
          onInput={(e) => {
            setInput(e.currentTarget.value);
            if (error) actions.clearHostError();
          }}
        />
        <button type="submit">{tr('options.hostAdd')}</button>
      </form>
      {error && (
        <p id="host-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function Language({ settings, save }: { settings: Settings; save: Save }) {
  const { tr } = useLocale<OptionsKey>();
  return (
    <fieldset>
      <legend>{tr('options.language')}</legend>
      {LOCALES.map((l) => (
        <label key={l} class="radio">
          <input
            type="radio"
            name="locale"
            value={l}
            checked={settings.locale === l}
            onChange={() => void save((s) => ({ ...s, locale: l }))}
          />
          {tr(`options.lang.${l}`)}
        </label>
      ))}
    </fieldset>
  );
}

/** The inspection log: where it lives, its cap, the switch, and a link to the log page. */
function Log({ settings, save }: { settings: Settings; save: Save }) {
  const { tr } = useLocale<OptionsKey>();
  return (
    <fieldset data-testid="log-section">
      <legend>{tr('options.log')}</legend>
      <p class="hint">{tr('options.logWhere')}</p>
      <p class="hint">{tr('options.logCap', { cap: LOG_CAP })}</p>
      <p class="hint">{tr('options.logCross')}</p>
      <label class="check">
        <input
          type="checkbox"
          name="log"
          checked={settings.log}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void save((s) => ({ ...s, log: on }));
          }}
        />
        <span class="name">{tr('options.logOn')}</span>
      </label>
      <p>
        <a href="log.html" target="_blank" rel="noopener" data-testid="options-log-link">
          {tr('log.open')}
        </a>
      </p>
    </fieldset>
  );
}
