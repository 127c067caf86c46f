import { lazy, Suspense, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { isStationModeOn, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import { ClassPage } from '#features/class/ClassPage.tsx';
import { OfflineIndicator } from './OfflineIndicator.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { InstallHint } from './InstallHint.tsx';
import { SyncStatus } from './SyncStatus.tsx';

const StudentPage = lazy(() => import('#features/student/StudentPage.tsx'));
const SettingsPage = lazy(() => import('#features/settings/SettingsPage.tsx'));
const StationPage = lazy(() => import('#features/station/StationPage.tsx'));
const ConferencePage = lazy(() => import('#features/conference/ConferencePage.tsx'));
const MyPathPage = lazy(() => import('#features/my-path/MyPathPage.tsx'));
const BackupPage = lazy(() => import('#features/backup/BackupPage.tsx'));
const OverviewPage = lazy(() => import('#features/overview/OverviewPage.tsx'));
const RosterPage = lazy(() => import('#features/roster/RosterPage.tsx'));
const FrameworksPage = lazy(() => import('#features/frameworks/FrameworksPage.tsx'));
const FamilyReportPage = lazy(() => import('#features/family/FamilyReportPage.tsx'));
const ClassPathPage = lazy(() => import('#features/paths/ClassPathPage.tsx'));
const StudentPathPage = lazy(() => import('#features/paths/StudentPathPage.tsx'));

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
              <Route path="*" element={<p>{t('common.notFound')}</p>} />
            </Routes>
          )}
        </Suspense>
      </main>
    </>
  );
}
