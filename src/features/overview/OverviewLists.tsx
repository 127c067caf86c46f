import { Link } from 'react-router-dom';
import type { TargetRecord } from '#db';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetListLabel, targetStatement } from '#ui/target-text.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';
import type { OverviewView } from './overview-view.ts';

/**
 * Who works on what now: groups form around current targets and dissolve as children move on. Children
 * with no path yet, and those whose path is complete, are named apart.
 */
export function WorkingOnGroups({ view }: { view: Pick<OverviewView, 'workingOn' | 'noPath' | 'pathComplete'> }) {
  const { t, language } = useT();
  const groups = view.workingOn;
  const names = (students: OverviewView['noPath']) => students.map((s) => s.displayName);
  return (
    <section className="card" aria-labelledby="working-on-title">
      <h2 id="working-on-title">{t('overview.workingOn.title')}</h2>
      {groups.length + view.noPath.length + view.pathComplete.length === 0 ? (
        <p>{t('overview.workingOn.none')}</p>
      ) : null}
      {view.noPath.length > 0 ? (
        <p data-testid="overview-no-path">
          {t('overview.workingOn.noPath', { count: view.noPath.length, names: names(view.noPath) })}{' '}
          <Link to="/class-path">{t('student.setClassPath')}</Link>
        </p>
      ) : null}
      {view.pathComplete.length > 0 ? (
        <p>{t('overview.workingOn.done', { count: view.pathComplete.length, names: names(view.pathComplete) })}</p>
      ) : null}
      <ul className="overview-groups">
        {groups.map(({ target, students }) => (
          <li key={target.id}>
            <h3>
              <span aria-hidden="true">
                <TargetIcon icon={target.icon} />
              </span>{' '}
              {target.code} · {targetStatement(target, language, 'teacher')}
            </h3>
            <p>
              {t('overview.workingOn.students', { count: students.length, names: students.map((s) => s.displayName) })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NeedsHelpList({ rows }: { rows: OverviewView['needsHelp'] }) {
  const { t } = useT();
  const rulesText = useRulesMessage();
  return (
    <section className="card" aria-labelledby="needs-help-title">
      <h2 id="needs-help-title">{t('overview.needsHelp.title')}</h2>
      {rows.length === 0 ? <p>{t('overview.needsHelp.none')}</p> : null}
      <ul>
        {rows.map((row) => (
          <li key={row.student.id}>
            <Link to={`/conference/${row.student.id}`}>{row.student.displayName}</Link>:{' '}
            {rulesText(row.progress.nextStep.teacher)}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function WaitingReviewList({
  items,
  targetsById,
}: {
  items: OverviewView['waitingReview'];
  targetsById: ReadonlyMap<string, TargetRecord>;
}) {
  const { t, language } = useT();
  const date = new Intl.DateTimeFormat(language);
  return (
    <section className="card" aria-labelledby="waiting-review-title">
      <h2 id="waiting-review-title">{t('overview.review.title')}</h2>
      {items.length === 0 ? <p>{t('overview.review.none')}</p> : null}
      <ul>
        {items.map(({ student, evidence }) => (
          <li key={evidence.id}>
            <Link to={`/conference/${student.id}`}>{student.displayName}</Link>: {t(`evidence.kind.${evidence.kind}`)} ·{' '}
            {targetListLabel(evidence.targetIds, targetsById, language)} · {date.format(new Date(evidence.observedAt))}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function NoRecentEvidenceList({ rows, days }: { rows: OverviewView['noRecentEvidence']; days: number }) {
  const { t, language } = useT();
  const date = new Intl.DateTimeFormat(language);
  return (
    <section className="card" aria-labelledby="no-recent-title">
      <h2 id="no-recent-title">{t('overview.noRecent.title', { days })}</h2>
      {rows.length === 0 ? <p>{t('overview.noRecent.none')}</p> : null}
      <ul>
        {rows.map((row) => (
          <li key={row.student.id}>
            <Link to={`/conference/${row.student.id}`}>{row.student.displayName}</Link>:{' '}
            {row.lastEvidenceAt
              ? t('overview.noRecent.last', { date: date.format(new Date(row.lastEvidenceAt)) })
              : t('overview.noRecent.never')}
          </li>
        ))}
      </ul>
    </section>
  );
}
