import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import type { Language } from '#i18n';
import { listWorkWithMedia, loadStudentProgressData, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import { FamilyReport } from './FamilyReport.tsx';
import { buildFamilyReport, buildSharedWork } from './family-report-view.ts';
import { defaultPaperSize, pageRule, type PaperSize } from './paper-size.ts';
import { familyLanguageOf } from './report-text.ts';
import { ReportControls } from './ReportControls.tsx';
import { ShareFamilyLink } from './ShareFamilyLink.tsx';
import { LocalWork } from './LocalWork.tsx';
import { ShareWorkPicker } from './ShareWorkPicker.tsx';
import './family.css';

/**
 * The teacher's view of one child's family report (/family-report/:studentId): the report in the
 * family's language whatever the tablet's language, with a language preview, paper size, print, and a
 * read-only link for the family.
 */
export default function FamilyReportPage() {
  const { studentId = '' } = useParams();
  const { t } = useT();
  const store = useStore();
  // The rules read the evidence's facts; the shared work needs the records themselves (media, notes), read
  // apart: the report's words show first and the work fills in below, its photos as they are fetched.
  const data = useLiveQuery(() => loadStudentProgressData(store, studentId), [store, studentId]);
  const work = useLiveQuery(() => listWorkWithMedia(store, studentId), [store, studentId]);
  const [chosen, setChosen] = useState<Language | null>(null);
  const [paper, setPaper] = useState<PaperSize>(() => defaultPaperSize(navigator.language));
  const family = data ? familyLanguageOf(data.student.familyLanguage) : null;
  const language = chosen ?? family?.language ?? 'en';
  const text = useMemo(() => (data ? buildFamilyReport(data, language, new Date()) : null), [data, language]);
  const sharedWork = useMemo(
    () => (data && work ? buildSharedWork({ targets: data.targets, work }, language) : []),
    [data, work, language],
  );
  const view = useMemo(() => (text ? { ...text, sharedWork } : null), [text, sharedWork]);

  if (data === undefined) return <p role="status">{t('common.loading')}</p>;
  if (data === null || view === null) return <p>{t('common.notFound')}</p>;

  return (
    <div className="page family-report-page">
      <style>{pageRule(paper)}</style>
      <Link to={`/student/${studentId}`} className="back-link no-print">
        ← {t('family.page.back', { name: data.student.displayName })}
      </Link>
      <ReportControls
        t={t}
        language={language}
        onLanguage={setChosen}
        paper={paper}
        onPaper={setPaper}
        {...(family?.unsupportedTag ? { unsupportedTag: family.unsupportedTag } : {})}
      />
      <FamilyReport view={view} renderWork={(blobId, label) => <LocalWork blobId={blobId} label={label} />} />
      {work === undefined ? (
        <p role="status" className="no-print">
          {t('common.loading')}
        </p>
      ) : (
        <ShareWorkPicker student={data.student} targets={data.targets} work={work} />
      )}
      <ShareFamilyLink studentId={studentId} />
    </div>
  );
}
