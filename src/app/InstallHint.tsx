import { useEffect, useState } from 'react';
import { useT } from '#ui/useT.ts';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
}

const DISMISSED_KEY = 'waypoint.installHintDismissed';

/** iPad/iPhone Safari not running as an installed app: its site data may be evicted after 7 days unused. */
function isIosBrowserTab(): boolean {
  const ios =
    /iPad|iPhone|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  const standalone =
    window.matchMedia?.('(display-mode: standalone)').matches ||
    ('standalone' in navigator && navigator.standalone === true);
  return ios && !standalone;
}

/**
 * Says the right thing per browser: on iPad/iPhone (Safari, and every iOS browser is Safari underneath) that
 * Safari may delete the data after 7 days unused, and how to add Waypoint to the Home Screen; in a browser
 * that offers to install the app (Chromium on Android, ChromeOS, desktops) the install button, with no word
 * of Safari; elsewhere nothing.
 */
export function InstallHint() {
  const { t } = useT();
  const [prompt, setPrompt] = useState<InstallPromptEvent | null>(null);
  const [dismissed, setDismissed] = useState(() => localStorage.getItem(DISMISSED_KEY) === '1');
  const ios = isIosBrowserTab();

  useEffect(() => {
    const onPrompt = (event: Event) => {
      event.preventDefault();
      setPrompt(event as InstallPromptEvent);
    };
    window.addEventListener('beforeinstallprompt', onPrompt);
    return () => window.removeEventListener('beforeinstallprompt', onPrompt);
  }, []);

  if (dismissed || (!ios && !prompt)) return null;
  const dismiss = () => {
    localStorage.setItem(DISMISSED_KEY, '1');
    setDismissed(true);
  };
  return (
    <aside className="banner" aria-label={t('install.button')}>
      <span>{ios ? `${t('install.hint')} ${t('install.howIos')}` : t('install.hintApp')}</span>
      {prompt ? (
        <button type="button" onClick={() => void prompt.prompt().then(() => setPrompt(null))}>
          {t('install.button')}
        </button>
      ) : null}
      <button type="button" className="secondary" onClick={dismiss}>
        {t('install.dismiss')}
      </button>
    </aside>
  );
}
