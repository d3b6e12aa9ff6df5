// The options page's controller: the settings (read validated, written to storage at once, so
// open tabs pick them up live) and the host permissions behind the auto-run hosts. Every browser
// call of the page is here; App.tsx only renders.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../errors';
import { dropHost, requestHosts } from '../ext/permissions';
import { getSettings, watchSettings } from '../ext/settings';
import { DEFAULT_SETTINGS, type Settings } from '../ext/settings-model';
import { settingsItem } from '../ext/settings-store';
import { translator } from '../../lib/i18n';
import { OPTIONS_MESSAGES } from './messages';
import { hostProblem, normalizeHost, originPattern } from './model';

export interface Status {
  text: string;
  tone: 'ok' | 'error';
}

/** The settings as stored, and a save that writes at once and says so in a status line. */
function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const current = useRef<Settings>(DEFAULT_SETTINGS);
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

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

  const save = useCallback(async (change: (s: Settings) => Settings) => {
    const next = change(current.current);
    current.current = next;
    setSettings(next);
    const t = translator(next.locale, OPTIONS_MESSAGES);
    clearTimeout(statusTimer.current);
    try {
      await settingsItem.setValue(next);
      setStatus({ text: t('options.saved'), tone: 'ok' });
      statusTimer.current = setTimeout(() => setStatus(null), 2500);
    } catch (e) {
      setStatus({ text: t('options.saveError', { error: errorText(e) }), tone: 'error' });
    }
  }, []);

  return { settings, status, current, save };
}

type Save = ReturnType<typeof useSettings>['save'];

/** The auto-run hosts: each added with its host permission, removed with it. */
function useHosts(current: { current: Settings }, save: Save) {
  const [hostError, setHostError] = useState<string | null>(null);
  const tr = translator(current.current.locale, OPTIONS_MESSAGES);

  /** Add a host: its permission is requested in this submit (the user gesture), then saved. Resolves true when added. */
  const addHost = (input: string): Promise<boolean> => {
    const host = normalizeHost(input);
    const problem = hostProblem(host, current.current.hosts);
    if (problem) {
      setHostError(problem === 'invalid' ? tr('options.hostInvalid') : tr('options.hostDuplicate', { host }));
      return Promise.resolve(false);
    }
    setHostError(null);
    return requestHosts([originPattern(host)]).then(
      (granted) => {
        if (!granted) {
          setHostError(tr('options.hostDenied', { host }));
          return false;
        }
        void save((s) => (s.hosts.includes(host) ? s : { ...s, hosts: [...s.hosts, host] }));
        return true;
      },
      (err: unknown) => {
        setHostError(tr('options.hostPermError', { error: errorText(err) }));
        return false;
      },
    );
  };

  const removeHost = (host: string) => {
    void save((s) => ({ ...s, hosts: s.hosts.filter((h) => h !== host) }));
    void dropHost(originPattern(host));
  };

  return { hostError, addHost, removeHost, clearHostError: () => setHostError(null) };
}

export function useOptions() {
  const { settings, status, current, save } = useSettings();
  const { hostError, ...hosts } = useHosts(current, save);
  return { settings, status, hostError, actions: { save, ...hosts } };
}

export type OptionsActions = ReturnType<typeof useOptions>['actions'];
