import type { TargetRecord } from '#db';
import type { StudentProgress } from '#rules';
import { StatusBadge } from '#ui/StatusBadge.tsx';
import { targetIcon } from '#ui/pictures.ts';
import { useRulesMessage } from '#ui/useRulesMessage.ts';
import { useT } from '#ui/useT.ts';

/** My path in order: each target's status (icon, word and colour) and the reason for it, in plain view. */
export function MyPathList(props: { progress: StudentProgress; targetsById: ReadonlyMap<string, TargetRecord> }) {
  const { t } = useT();
  const say = useRulesMessage();
  if (props.progress.targets.length === 0) return <p>{t('student.notOnPath')}</p>;
  return (
    <section aria-labelledby="my-path-list-title">
      <h2 id="my-path-list-title">{t('student.path')}</h2>
      <ol className="path-list" aria-labelledby="my-path-list-title">
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
                {target.kidStatement}
                {isCurrent ? <em className="current-tag"> · {t('status.current')}</em> : null}
                <span className="my-path-why muted"> {t('myPath.why', { reason: say(p.explanation.message) })}</span>
              </span>
              <StatusBadge status={p.status} skipped={p.isSkipped} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
