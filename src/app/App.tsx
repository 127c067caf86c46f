import { lazy, Suspense, useEffect } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router-dom';
import { useT } from '#ui/useT.ts';
import { ClassPage } from '#features/class/ClassPage.tsx';
import { OfflineIndicator } from './OfflineIndicator.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { InstallHint } from './InstallHint.tsx';

const StudentPage = lazy(() => import('#features/student/StudentPage.tsx'));
const SettingsPage = lazy(() => import('#features/settings/SettingsPage.tsx'));
const StationPage = lazy(() => import('#features/station/StationPage.tsx'));

export function App() {
  const { t, language } = useT();
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <span className="app-name">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <NavLink to="/class">{t('nav.class')}</NavLink>
          <NavLink to="/station">{t('nav.station')}</NavLink>
          <NavLink to="/settings">{t('nav.settings')}</NavLink>
        </nav>
        <OfflineIndicator />
      </header>
      <UpdatePrompt />
      <InstallHint />
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Routes>
            <Route path="/" element={<Navigate to="/class" replace />} />
            <Route path="/class" element={<ClassPage />} />
            <Route path="/student/:studentId" element={<StudentPage />} />
            <Route path="/station" element={<StationPage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<p>{t('common.notFound')}</p>} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
