// The options page: rule groups, lowest severity marked on the page, extra auto-run hosts and the
// UI language. Every change is written to settingsItem at once; open tabs pick it up live.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { CATEGORIES } from '../../lib/result';
import { getSettings, watchSettings } from '../ext/settings';
import { DEFAULT_SETTINGS, type Settings } from '../ext/settings-model';
import { settingsItem } from '../ext/settings-store';
import { translator, type MessageKey } from '../i18n';
import { hostProblem, normalizeHost, originPattern } from './model';
import '../theme.css';
import './options.css';

const SEVERITIES = ['info', 'warning', 'error'] as const;
const LOCALES = ['zh', 'en'] as const;

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)) || 'unknown error';

export function App() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  const [hostInput, setHostInput] = useState('');
  const [hostError, setHostError] = useState<string | null>(null);
  const current = useRef<Settings>(DEFAULT_SETTINGS);
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const locale = settings?.locale ?? 'zh';
  const tr = useMemo(() => translator(locale), [locale]);

  useEffect(() => {
    const apply = (s: Settings) => {
      current.current = s;
      setSettings(s);
    };
    getSettings()
      .then(apply)
      .catch(() => apply(DEFAULT_SETTINGS));
    const unwatch = watchSettings(apply);
    return () => {
      unwatch();
      clearTimeout(statusTimer.current);
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
    document.title = tr('options.title');
  }, [locale, tr]);

  const save = useCallback(async (change: (s: Settings) => Settings) => {
    const next = change(current.current);
    current.current = next;
    setSettings(next);
    const t = translator(next.locale);
    clearTimeout(statusTimer.current);
    try {
      await settingsItem.setValue(next);
      setStatus({ text: t('options.saved'), tone: 'ok' });
      statusTimer.current = setTimeout(() => setStatus(null), 2500);
    } catch (e) {
      setStatus({ text: t('options.saveError', { error: errorText(e) }), tone: 'error' });
    }
  }, []);

  if (!settings) return <div class="options" aria-busy="true" />;

  const addHost = (e: Event) => {
    e.preventDefault();
    const host = normalizeHost(hostInput);
    const problem = hostProblem(host, current.current.hosts);
    if (problem) {
      setHostError(problem === 'invalid' ? tr('options.hostInvalid') : tr('options.hostDuplicate', { host }));
      return;
    }
    setHostError(null);
    // Must be called synchronously in the user gesture (the click / Enter of this form).
    let request: Promise<boolean>;
    try {
      request = browser.permissions.request({ origins: [originPattern(host)] });
    } catch (err) {
      request = Promise.reject(err);
    }
    request.then(
      (granted) => {
        if (!granted) {
          setHostError(tr('options.hostDenied', { host }));
          return;
        }
        setHostInput('');
        void save((s) => (s.hosts.includes(host) ? s : { ...s, hosts: [...s.hosts, host] }));
      },
      (err: unknown) => setHostError(tr('options.hostPermError', { error: errorText(err) })),
    );
  };

  const removeHost = (host: string) => {
    void save((s) => ({ ...s, hosts: s.hosts.filter((h) => h !== host) }));
    browser.permissions.remove({ origins: [originPattern(host)] }).catch(() => {});
  };

  return (
    <div class="options">
      <header>
        <h1>{tr('options.title')}</h1>
        <p class={`saved ${status?.tone ?? ''}`} role="status" aria-live="polite" data-testid="saved">
          {status?.text ?? ''}
        </p>
      </header>

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

      <fieldset>
        <legend>{tr('options.hosts')}</legend>
        <p class="hint">{tr('options.hostsHint')}</p>
        {settings.hosts.length ? (
          <ul class="hosts" data-testid="hosts">
            {settings.hosts.map((h) => (
              <li key={h}>
                <code>{h}</code>
                <button
                  type="button"
                  class="remove"
                  aria-label={tr('options.hostRemoveLabel', { host: h })}
                  onClick={() => removeHost(h)}
                >
                  {tr('options.hostRemove')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="hint">{tr('options.hostsEmpty')}</p>
        )}
        <form class="add-host" onSubmit={addHost} noValidate>
          <input
            type="text"
            name="host"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder={tr('options.hostPlaceholder')}
            value={hostInput}
            aria-invalid={hostError ? true : undefined}
            aria-describedby={hostError ? 'host-error' : undefined}
            onInput={(e) => {
              setHostInput(e.currentTarget.value);
              if (hostError) setHostError(null);
            }}
          />
          <button type="submit">{tr('options.hostAdd')}</button>
        </form>
        {hostError && (
          <p id="host-error" class="field-error" role="alert">
            {hostError}
          </p>
        )}
      </fieldset>

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
    </div>
  );
}
