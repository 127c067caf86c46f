import { Suspense, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDeviceRole, useStore } from '#db';
import { FirstScreenShown } from '#ui/first-screen.ts';
import { useT } from '#ui/useT.ts';
import { AppHeader } from './AppHeader.tsx';
import { homeOf, RoleRoutes } from './RoleRoutes.tsx';
import { ScreenBoundary } from './ScreenBoundary.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { InstallHint } from './InstallHint.tsx';
import { InsecureContextNotice } from './InsecureContextNotice.tsx';
import { useFocusHeadingOnNavigate } from './useFocusHeadingOnNavigate.ts';

/**
 * The tablet's screens for its role (src/db device-role-repository.ts): a teacher's tablet shows every
 * screen; a station only the station, with no header; a student's tablet only that student's path. Every
 * screen and the header sit inside an error boundary, so nothing can leave the tablet blank.
 */
export function App() {
  const { t, language } = useT();
  const store = useStore();
  const role = useLiveQuery(() => getDeviceRole(store), [store]);
  useFocusHeadingOnNavigate('main');
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const home = role ? homeOf(role) : '/';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {role === undefined || role.kind === 'station' ? null : (
        <ScreenBoundary home={home} variant="header">
          <AppHeader role={role} />
        </ScreenBoundary>
      )}
      <InsecureContextNotice />
      <UpdatePrompt />
      <InstallHint />
      <main id="main" tabIndex={-1}>
        <ScreenBoundary home={home}>
          <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
            {role === undefined ? null : (
              <>
                <RoleRoutes role={role} />
                <FirstScreenShown />
              </>
            )}
          </Suspense>
        </ScreenBoundary>
      </main>
    </>
  );
}
