import type { TargetRecord } from '#db';
import type { StudentProgress } from '#rules';
import { StatusBadge } from '#ui/StatusBadge.tsx';
import { targetIcon } from '#ui/pictures.ts';
import { targetStatement } from '#ui/target-text.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';

/** The student's path in order, each target with its status and the reason for it. */
export function PathList(props: { progress: StudentProgress; targetsById: ReadonlyMap<string, TargetRecord> }) {
  const { t, language } = useT();
  const say = useRulesMessage();
  if (props.progress.targets.length === 0) return <p>{t('student.notOnPath')}</p>;
  return (
    <section aria-labelledby="path-title">
      <h2 id="path-title">{t('student.path')}</h2>
      <ol className="path-list" aria-labelledby="path-title">
        {props.progress.targets.map((p) => {
          const target = props.targetsById.get(p.targetId);
          if (!target) return null;
          const isCurrent = p.targetId === props.progress.currentTargetId;
          return (
            <li
              key={p.targetId}
              className={isCurrent ? 'path-item current' : 'path-item'}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <span aria-hidden="true" className="target-icon">
                {targetIcon(target.icon)}
              </span>
              <span className="path-text">
                <strong>{target.code}</strong> {targetStatement(target, language, 'teacher')}
                {isCurrent ? <em className="current-tag"> · {t('status.current')}</em> : null}
              </span>
              <StatusBadge status={p.status} skipped={p.isSkipped} />
              <details className="path-why">
                <summary>{t('student.why')}</summary>
                <p>{say(p.explanation.message)}</p>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
