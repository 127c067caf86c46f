import { useState } from 'react';
import { useT } from '#ui/useT.ts';
import { isSecureContextNow, SETUP_PAGE } from './secure-context.ts';

const HIDDEN_KEY = 'waypoint.insecureNoticeHidden';

interface Props {
  /** Whether the page is in a secure context; the browser's answer when absent (tests pass it). */
  readonly isSecure?: boolean;
  readonly origin?: string;
}

/**
 * Opened over plain HTTP (a school server's address without its certificate), the browser quietly turns off
 * offline use, install, the camera and the microphone. This says so in plain words and links to the school
 * server's set-up page. It can be hidden for the rest of the visit, never for good.
 */
export function InsecureContextNotice({ isSecure = isSecureContextNow(), origin = window.location.origin }: Props) {
  const { t } = useT();
  const [hidden, setHidden] = useState(() => sessionStorage.getItem(HIDDEN_KEY) === '1');
  if (isSecure || hidden) return null;
  const hide = () => {
    sessionStorage.setItem(HIDDEN_KEY, '1');
    setHidden(true);
  };
  return (
    <aside className="banner insecure-notice" aria-labelledby="insecure-title">
      <div>
        <h2 id="insecure-title">{t('insecure.title')}</h2>
        <p>{t('insecure.intro', { origin })}</p>
        <ul>
          <li>{t('insecure.offline')}</li>
          <li>{t('insecure.install')}</li>
          <li>{t('insecure.camera')}</li>
          <li>{t('insecure.microphone')}</li>
        </ul>
        <p>{t('insecure.fix')}</p>
        <p className="choice-row">
          <a className="button-link" href={SETUP_PAGE}>
            {t('insecure.setupLink')}
          </a>
          <button type="button" className="secondary" onClick={hide}>
            {t('insecure.hide')}
          </button>
        </p>
      </div>
    </aside>
  );
}
