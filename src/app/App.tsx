import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { isStationModeOn, useStore } from '#db';
import { loadLanguage } from '#i18n';
import { useT } from '#ui/useT.ts';
import { ClassPage } from '#features/class/ClassPage.tsx';
import { OfflineIndicator } from './OfflineIndicator.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { InstallHint } from './InstallHint.tsx';
import { InsecureContextNotice } from './InsecureContextNotice.tsx';
import { SetupPageMissing } from './SetupPageMissing.tsx';
import { SyncStatus } from './SyncStatus.tsx';

/**
 * A screen after the first: its code and the English it speaks, which is not in the app's first chunk (see
 * src/i18n). Both are usually in hand by the time a teacher taps (loaded just after the first render).
 */
function screen<T extends ComponentType>(load: () => Promise<{ readonly default: T }>) {
  return lazy(async () => (await Promise.all([load(), loadLanguage('en').catch(() => undefined)]))[0]);
}

const StudentPage = screen(() => import('#features/student/StudentPage.tsx'));
const SettingsPage = screen(() => import('#features/settings/SettingsPage.tsx'));
const StationPage = screen(() => import('#features/station/StationPage.tsx'));
const ConferencePage = screen(() => import('#features/conference/ConferencePage.tsx'));
const MyPathPage = screen(() => import('#features/my-path/MyPathPage.tsx'));
const BackupPage = screen(() => import('#features/backup/BackupPage.tsx'));
const OverviewPage = screen(() => import('#features/overview/OverviewPage.tsx'));
const RosterPage = screen(() => import('#features/roster/RosterPage.tsx'));
const FrameworksPage = screen(() => import('#features/frameworks/FrameworksPage.tsx'));
const FamilyReportPage = screen(() => import('#features/family/FamilyReportPage.tsx'));
const ClassPathPage = screen(() => import('#features/paths/ClassPathPage.tsx'));
const StudentPathPage = screen(() => import('#features/paths/StudentPathPage.tsx'));

export function App() {
  const { t, language } = useT();
  const store = useStore();
  // A station is locked: no header or navigation, and every address leads back to the station.
  const isStation = useLiveQuery(() => isStationModeOn(store), [store]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {isStation !== false ? null : (
        <header className="app-header">
          <span className="app-name">{t('app.name')}</span>
          <nav aria-label={t('nav.main')}>
            <NavLink to="/class">{t('nav.class')}</NavLink>
            <NavLink to="/station">{t('nav.station')}</NavLink>
            <NavLink to="/backup">{t('nav.backup')}</NavLink>
            <NavLink to="/overview">{t('nav.overview')}</NavLink>
            <NavLink to="/roster">{t('nav.roster')}</NavLink>
            <NavLink to="/frameworks">{t('nav.frameworks')}</NavLink>
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
          </nav>
          <OfflineIndicator />
          <SyncStatus />
        </header>
      )}
      <InsecureContextNotice />
      <UpdatePrompt />
      <InstallHint />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          {isStation === undefined ? null : isStation ? (
            <Routes>
              <Route path="/station" element={<StationPage />} />
              <Route path="*" element={<Navigate to="/station" replace />} />
            </Routes>
          ) : (
            <Routes>
              <Route path="/" element={<Navigate to="/class" replace />} />
              <Route path="/class" element={<ClassPage />} />
              <Route path="/student/:studentId" element={<StudentPage />} />
              <Route path="/student/:studentId/path" element={<StudentPathPage />} />
              <Route path="/class-path" element={<ClassPathPage />} />
              <Route path="/conference/:studentId" element={<ConferencePage />} />
              <Route path="/family-report/:studentId" element={<FamilyReportPage />} />
              <Route path="/station" element={<StationPage />} />
              <Route path="/my-path/:studentId" element={<MyPathPage />} />
              <Route path="/backup" element={<BackupPage />} />
              <Route path="/overview" element={<OverviewPage />} />
              <Route path="/roster" element={<RosterPage />} />
              <Route path="/frameworks" element={<FrameworksPage />} />
              <Route path="/settings" element={<SettingsPage />} />
              <Route path="/setup" element={<SetupPageMissing />} />
              <Route path="*" element={<p>{t('common.notFound')}</p>} />
            </Routes>
          )}
        </Suspense>
      </main>
    </>
  );
}
