// The page shown once, after install: what the extension does, the one permission it may ask for,
// where the settings are. State and browser calls live in useWelcome.ts; this file only renders.
import { LocaleProvider, useDocumentLocale, useLocale } from '../locale';
import { WELCOME_MESSAGES, type WelcomeKey } from './messages';
import { useWelcome } from './useWelcome';
import '../theme.css';
import './welcome.css';

export function App() {
  const { locale, switchLocale, openOptions } = useWelcome();
  useDocumentLocale(locale ?? 'zh', 'welcome.title', WELCOME_MESSAGES);
  if (!locale) return <main class="welcome" aria-busy="true" />;
  return (
    <LocaleProvider locale={locale} catalog={WELCOME_MESSAGES}>
      <main class="welcome">
        <Header onSwitch={() => switchLocale(locale === 'zh' ? 'en' : 'zh')} />
        <Body onOptions={openOptions} />
      </main>
    </LocaleProvider>
  );
}

function Header({ onSwitch }: { onSwitch: () => void }) {
  const { tr } = useLocale<WelcomeKey>();
  return (
    <header>
      <img src="/icon/128.png" alt="" width={64} height={64} />
      <h1>{tr('welcome.title')}</h1>
      <button type="button" class="link" onClick={onSwitch} data-testid="language">
        {tr('welcome.otherLanguage')}
      </button>
    </header>
  );
}

function Body({ onOptions }: { onOptions: () => void }) {
  const { tr } = useLocale<WelcomeKey>();
  return (
    <>
      <section>
        <h2>{tr('welcome.whatTitle')}</h2>
        <p>{tr('welcome.what')}</p>
        <p>{tr('welcome.popup')}</p>
        <p>{tr('welcome.elsewhere')}</p>
      </section>
      <section>
        <h2>{tr('welcome.privacyTitle')}</h2>
        <p>{tr('welcome.privacy')}</p>
        <p>{tr('welcome.permission')}</p>
      </section>
      <section>
        <h2>{tr('welcome.settingsTitle')}</h2>
        <p>{tr('welcome.settings')}</p>
        <button type="button" class="primary" onClick={onOptions} data-testid="open-options">
          {tr('welcome.openSettings')}
        </button>
      </section>
    </>
  );
}
