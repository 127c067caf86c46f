import { lazy, type ComponentType } from 'react';
import { loadLanguage } from '#i18n';

/**
 * A screen after the first: its code and the English it speaks, which is not in the app's first chunk (see
 * src/i18n). Both are usually in hand by the time a teacher taps (loaded just after the first render).
 */
function screen<T extends ComponentType>(load: () => Promise<{ readonly default: T }>) {
  return lazy(async () => (await Promise.all([load(), loadLanguage('en').catch(() => undefined)]))[0]);
}

/** The conference's code: its screen, and the preload of a child's conference (ConferencePreload.tsx). */
export const loadConference = () => import('#features/conference/ConferencePage.tsx');
export const loadConferencePreload = () => import('#features/conference/conference-reader.ts');

export const StudentPage = screen(() => import('#features/student/StudentPage.tsx'));
export const SettingsPage = screen(() => import('#features/settings/SettingsPage.tsx'));
export const StationPage = screen(() => import('#features/station/StationPage.tsx'));
export const ConferencePage = screen(loadConference);
export const MyPathPage = screen(() => import('#features/my-path/MyPathPage.tsx'));
export const BackupPage = screen(() => import('#features/backup/BackupPage.tsx'));
export const OverviewPage = screen(() => import('#features/overview/OverviewPage.tsx'));
export const RosterPage = screen(() => import('#features/roster/RosterPage.tsx'));
export const FrameworksPage = screen(() => import('#features/frameworks/FrameworksPage.tsx'));
export const FamilyReportPage = screen(() => import('#features/family/FamilyReportPage.tsx'));
export const ClassPathPage = screen(() => import('#features/paths/ClassPathPage.tsx'));
export const StudentPathPage = screen(() => import('#features/paths/StudentPathPage.tsx'));
export const NewYearPage = screen(() => import('#features/year/NewYearPage.tsx'));
