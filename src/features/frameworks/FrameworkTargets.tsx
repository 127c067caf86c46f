import { useLiveQuery } from 'dexie-react-hooks';
import { listFrameworks, useStore } from '#db';
import { listFrameworkTargets } from '#db/case-repository.ts';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { ruleDraft } from './target-form.ts';
import { useFocusOnMount } from './useFocusOnMount.ts';

/** One framework's targets in order, each with its rule and an Edit button. */
export function FrameworkTargets(props: {
  frameworkId: string;
  onBack: () => void;
  onEdit: (targetId: string) => void;
}) {
  const { t, language } = useT();
  const store = useStore();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const loaded = useLiveQuery(async () => {
    const framework = (await listFrameworks(store)).find((f) => f.id === props.frameworkId);
    return { framework, targets: await listFrameworkTargets(store, props.frameworkId) };
  }, [store, props.frameworkId]);

  return (
    <section className="card" aria-labelledby="framework-targets-title">
      <button type="button" className="secondary" onClick={props.onBack}>
        {t('targetEdit.list.back')}
      </button>
      <h2 id="framework-targets-title" tabIndex={-1} ref={heading}>
        {t('targetEdit.list.title', { title: loaded?.framework?.title ?? '' })}
      </h2>
      {loaded === undefined ? <p role="status">{t('common.loading')}</p> : null}
      <ul className="plain-list target-rows">
        {loaded?.targets.map((target) => (
          <li key={target.id} className="target-row">
            <span className="target-icon" aria-hidden="true">
              <TargetIcon icon={target.icon} />
            </span>
            <span>
              <strong>{target.code}</strong> {targetStatement(target, language, 'kid')}{' '}
              <span className="muted">({t(`targetEdit.kind.${ruleDraft(target.rule).kind}`)})</span>
            </span>
            <button type="button" onClick={() => props.onEdit(target.id)}>
              {t('targetEdit.list.edit', { code: target.code })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
