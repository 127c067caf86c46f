import { Navigate, Route, Routes, useParams } from 'react-router-dom';
import type { DeviceRole } from '#db';
import { useT } from '#ui/useT.ts';
import { ClassPage } from '#features/class/ClassPage.tsx';
import { ConferencePreload } from './ConferencePreload.tsx';
import { LockedScreen } from './LockedScreen.tsx';
import { SetupPageMissing } from './SetupPageMissing.tsx';
import * as screens from './screens.ts';

/** Where each role starts: also the way back from a screen that broke. */
export function homeOf(role: DeviceRole): string {
  switch (role.kind) {
    case 'teacher':
      return '/class';
    case 'station':
      return '/station';
    case 'student':
      return `/my-path/${role.studentId}`;
  }
}

/** The addresses a role may open. A locked tablet answers every other address with its own screen. */
export function RoleRoutes({ role }: { role: DeviceRole }) {
  switch (role.kind) {
    case 'station':
      return (
        <Routes>
          <Route path="/station" element={<screens.StationPage />} />
          <Route path="*" element={<Navigate to="/station" replace />} />
        </Routes>
      );
    case 'student':
      return (
        <Routes>
          <Route path="/" element={<Navigate to={homeOf(role)} replace />} />
          <Route path="/my-path/:studentId" element={<OwnPathOnly studentId={role.studentId} />} />
          <Route path="*" element={<LockedScreen studentId={role.studentId} />} />
        </Routes>
      );
    case 'teacher':
      return <TeacherRoutes />;
  }
}

/** A student's tablet opens its own student's path and no one else's. */
function OwnPathOnly({ studentId }: { studentId: string }) {
  const params = useParams();
  return params.studentId === studentId ? <screens.MyPathPage /> : <LockedScreen studentId={studentId} />;
}

function TeacherRoutes() {
  const { t } = useT();
  return (
    <Routes>
      <Route path="/" element={<Navigate to="/class" replace />} />
      <Route path="/class" element={<ClassPage />} />
      <Route
        path="/student/:studentId"
        element={
          <>
            <screens.StudentPage />
            <ConferencePreload />
          </>
        }
      />
      <Route path="/student/:studentId/path" element={<screens.StudentPathPage />} />
      <Route path="/class-path" element={<screens.ClassPathPage />} />
      <Route path="/new-year" element={<screens.NewYearPage />} />
      <Route path="/conference/:studentId" element={<screens.ConferencePage />} />
      <Route path="/family-report/:studentId" element={<screens.FamilyReportPage />} />
      <Route path="/station" element={<screens.StationPage />} />
      <Route path="/my-path/:studentId" element={<screens.MyPathPage />} />
      <Route path="/backup" element={<screens.BackupPage />} />
      <Route path="/overview" element={<screens.OverviewPage />} />
      <Route path="/roster" element={<screens.RosterPage />} />
      <Route path="/frameworks" element={<screens.FrameworksPage />} />
      <Route path="/settings" element={<screens.SettingsPage />} />
      <Route path="/setup" element={<SetupPageMissing />} />
      <Route path="*" element={<p>{t('common.notFound')}</p>} />
    </Routes>
  );
}
