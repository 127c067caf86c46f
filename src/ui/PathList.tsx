import { useId } from 'react';
import type { Target } from '#protocol';
import type { StudentProgress } from '#rules';
import { StatusBadge } from './StatusBadge.tsx';
import { Icon } from './Icon.tsx';
import { targetIconName } from './pictures.ts';
import { targetStatement } from './target-text.ts';
import { useFirstItemsFirst } from './useFirstItemsFirst.ts';
import { useRulesMessage } from './useRulesMessage.ts';
import { useT } from './useT.ts';

const FIRST_ITEMS = 12;

/**
 * A student's path in order, each target with its status (icon, word and colour) and the reason for it.
 * The teacher sees codes and teacher statements with the reason one tap away; the student sees "I can"
 * statements with the reason in plain view.
 */
export function PathList(props: {
  progress: StudentProgress;
  targetsById: ReadonlyMap<string, Target>;
  audience: 'teacher' | 'kid';
}) {
  const { t, language } = useT();
  const say = useRulesMessage();
  const titleId = useId();
  const isTeacher = props.audience === 'teacher';
  // A year's path is long: the first targets show at once, the rest just after.
  const shown = useFirstItemsFirst(props.progress.targets, FIRST_ITEMS);
  if (props.progress.targets.length === 0) return <p>{t('student.notOnPath')}</p>;
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>{t('student.path')}</h2>
      <ol className="path-list" aria-labelledby={titleId}>
        {shown.map((p) => {
          const target = props.targetsById.get(p.targetId);
          if (!target) return null;
          const isCurrent = p.targetId === props.progress.currentTargetId;
          return (
            <li
              key={p.targetId}
              className={isCurrent ? 'path-item current' : 'path-item'}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <Icon name={targetIconName(target.icon)} className="icon target-icon" />
              <span className="path-text">
                {isTeacher ? <strong>{target.code}</strong> : null}
                {isTeacher ? ' ' : null}
                {targetStatement(target, language, props.audience)}
                {isCurrent ? <em className="current-tag"> · {t('status.current')}</em> : null}
                {isTeacher ? null : (
                  <span className="my-path-why muted"> {t('myPath.why', { reason: say(p.explanation.message) })}</span>
                )}
              </span>
              <StatusBadge status={p.status} skipped={p.isSkipped} />
              {isTeacher ? (
                <details className="path-why">
                  <summary>{t('student.why')}</summary>
                  <p>{say(p.explanation.message)}</p>
                </details>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
