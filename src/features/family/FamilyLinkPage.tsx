import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { toLanguage, type Language } from '#i18n';
import { FamilyLinkError, useFamilyLinkService, type FamilyLinkProblem } from '#state/family-links.ts';
import { FamilyReport } from './FamilyReport.tsx';
import { buildFamilyReport, type FamilyReportSource } from './family-report-view.ts';
import { sourceFromSnapshot } from './family-snapshot.ts';
import { defaultPaperSize, pageRule, type PaperSize } from './paper-size.ts';
import { familyLanguageOf, reportText } from './report-text.ts';
import { ReportControls } from './ReportControls.tsx';
import { RemoteWork } from './RemoteWork.tsx';
import './family.css';

type Loaded =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly source: FamilyReportSource }
  | { readonly kind: 'failed'; readonly problem: FamilyLinkProblem };

/** Problems a family can do something about by trying again. */
const RETRYABLE: ReadonlySet<FamilyLinkProblem> = new Set(['network', 'other']);
const PROBLEM_KEYS = {
  revoked: 'family.view.revoked',
  expired: 'family.view.expired',
  invalid: 'family.view.invalid',
  network: 'family.view.network',
} as const;

/**
 * What a family sees at /family/:token: the report, read-only, from the server's snapshot of their child,
 * evaluated by the same rules as on the teacher's tablet. Nothing is stored on the family's device.
 */
export default function FamilyLinkPage() {
  const { token = '' } = useParams();
  const service = useFamilyLinkService();
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [chosen, setChosen] = useState<Language | null>(null);
  const [paper, setPaper] = useState<PaperSize>(() => defaultPaperSize(navigator.language));

  useEffect(() => {
    let current = true;
    setLoaded({ kind: 'loading' });
    service.read(token).then(
      (snapshot) => {
        const source = sourceFromSnapshot(snapshot);
        if (current) setLoaded(source ? { kind: 'ready', source } : { kind: 'failed', problem: 'other' });
      },
      (error: unknown) => {
        if (current) setLoaded({ kind: 'failed', problem: error instanceof FamilyLinkError ? error.problem : 'other' });
      },
    );
    return () => {
      current = false;
    };
  }, [service, token, attempt]);

  const source = loaded.kind === 'ready' ? loaded.source : null;
  // Before the child's language is known, the family's own device language is the best guess.
  const language =
    chosen ?? (source ? familyLanguageOf(source.student.familyLanguage).language : toLanguage(navigator.language));
  const say = reportText(language);
  const view = useMemo(() => {
    if (!source) return null;
    try {
      return buildFamilyReport(source, language, new Date());
    } catch {
      return null;
    }
  }, [source, language]);

  // A link that does not open still names the page (its heading below), so the tab is not left blank.
  const title = view
    ? say('family.report.title', { name: view.childName })
    : loaded.kind === 'failed'
      ? say('family.view.problemTitle')
      : null;
  useEffect(() => {
    document.documentElement.lang = language;
    if (title) document.title = title;
  }, [language, title]);

  if (loaded.kind === 'loading') return <p role="status">{say('family.view.loading')}</p>;
  if (loaded.kind === 'failed' || !view) {
    const problem = loaded.kind === 'failed' ? loaded.problem : 'other';
    const key = problem in PROBLEM_KEYS ? PROBLEM_KEYS[problem as keyof typeof PROBLEM_KEYS] : 'family.view.failed';
    return (
      <div className="family-link-problem" role="alert">
        <h1>{say('family.view.problemTitle')}</h1>
        <p>{say(key)}</p>
        {RETRYABLE.has(problem) ? (
          <button type="button" onClick={() => setAttempt((n) => n + 1)}>
            {say('family.view.retry')}
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <div className="page family-report-page">
      <style>{pageRule(paper)}</style>
      <p className="muted no-print">{say('family.view.readOnly')}</p>
      {/* The report first: on a phone the family reads it before any print control. */}
      <FamilyReport
        view={view}
        renderWork={(blobId, label) => (
          <RemoteWork token={token} blobId={blobId} label={label} missing={say('family.work.missing')} />
        )}
      />
      <ReportControls t={say} language={language} onLanguage={setChosen} paper={paper} onPaper={setPaper} />
    </div>
  );
}
