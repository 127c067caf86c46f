import { NavLink } from 'react-router-dom';
import type { DeviceRole } from '#db';
import { useT } from '#ui/useT.ts';
import { OfflineIndicator } from './OfflineIndicator.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { TeacherUnlock } from './TeacherUnlock.tsx';

/**
 * The header of a teacher's or a student's tablet (a station has none). A student's tablet links only to
 * its own path, and offers the teacher's unlock.
 */
export function AppHeader({ role }: { role: Exclude<DeviceRole, { kind: 'station' }> }) {
  const { t } = useT();
  return (
    <header className="app-header">
      <span className="app-name">{t('app.name')}</span>
      <nav aria-label={t('nav.main')}>
        {role.kind === 'student' ? (
          <NavLink to={`/my-path/${role.studentId}`}>{t('nav.myPath')}</NavLink>
        ) : (
          <>
            <NavLink to="/class">{t('nav.class')}</NavLink>
            <NavLink to="/station">{t('nav.station')}</NavLink>
            <NavLink to="/backup">{t('nav.backup')}</NavLink>
            <NavLink to="/overview">{t('nav.overview')}</NavLink>
            <NavLink to="/roster">{t('nav.roster')}</NavLink>
            <NavLink to="/frameworks">{t('nav.frameworks')}</NavLink>
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
          </>
        )}
      </nav>
      {/* Two short lines at the end of the row, so the header stays one row on a landscape tablet. */}
      <div className="header-status">
        <OfflineIndicator />
        <SyncStatus />
      </div>
      {role.kind === 'student' ? <TeacherUnlock compact /> : null}
    </header>
  );
}
