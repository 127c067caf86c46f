import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'react-router-dom';
import {
  getActiveClass,
  listFrameworks,
  listStudents,
  listTargets,
  saveClassPath,
  useStore,
  type ClassPathOutcome,
} from '#db';
import { whileBusy } from '#state/activity-store.ts';
import { useT, type Translate } from '#ui/useT.ts';
import { ClassPathList } from './ClassPathList.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { TargetPicker } from './TargetPicker.tsx';
import type { SaveState } from './usePathSaver.ts';
import './paths.css';

/**
 * The class path: the template every student's path starts from. Edited as a draft, then saved and
 * applied to the students in one transaction (saveClassPath).
 */
export default function ClassPathPage() {
  const { t } = useT();
  const store = useStore();
  const view = useLiveQuery(async () => {
    const group = await getActiveClass(store);
    const [frameworks, targets, students] = await Promise.all([
      listFrameworks(store),
      listTargets(store),
      group ? listStudents(store, group.id) : [],
    ]);
    return { group, frameworks, targets, studentCount: students.length };
  }, [store]);
  const [draft, setDraft] = useState<{ classId: string; targetIds: string[] } | null>(null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  const { group, frameworks, targets, studentCount } = view;
  if (group === null) return <p>{t('class.noClass')}</p>;

  const saved = group.templateTargetIds;
  const targetIds = draft?.classId === group.id ? draft.targetIds : saved;
  const hasChanges = targetIds.length !== saved.length || targetIds.some((id, i) => id !== saved[i]);
  const targetsById = new Map(targets.map((target) => [target.id, target]));
  const edit = (next: string[]) => {
    setDraft({ classId: group.id, targetIds: next });
    setState({ kind: 'idle' });
  };

  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const outcome = await whileBusy(saveClassPath(store, group.id, targetIds));
      setState({ kind: 'saved', message: describeOutcome(t, outcome) });
    } catch (error) {
      setState({ kind: 'error', message: t('classPath.failed', { reason: (error as Error).message }) });
    }
  };

  return (
    <article className="page class-path" aria-labelledby="class-path-title">
      <Link to="/class" className="back-link">
        ← {t('common.back')}
      </Link>
      <h1 id="class-path-title">{t('classPath.title', { name: group.name })}</h1>
      <p className="muted">{t('classPath.intro')}</p>
      <div className="form-actions plan-save">
        <button type="button" disabled={state.kind === 'saving'} onClick={() => void save()}>
          {state.kind === 'saving' ? t('common.saving') : t('classPath.save', { count: studentCount })}
        </button>
        {hasChanges ? (
          <>
            <span className="tag">{t('classPath.unsaved')}</span>
            <button type="button" className="secondary" onClick={() => edit([...saved])}>
              {t('classPath.discard')}
            </button>
          </>
        ) : null}
      </div>
      <SaveStatus state={state} />
      <div className="two-columns">
        <section className="card" aria-labelledby="class-path-list-title">
          <h2 id="class-path-list-title">{t('classPath.listTitle', { count: targetIds.length })}</h2>
          <ClassPathList targetIds={targetIds} targetsById={targetsById} onChange={edit} />
        </section>
        <section className="card" aria-labelledby="class-path-add-title">
          <h2 id="class-path-add-title">{t('classPath.addTitle')}</h2>
          <TargetPicker
            frameworks={frameworks}
            targets={targets}
            onPath={new Set(targetIds)}
            onAdd={(ids) => edit([...targetIds, ...ids])}
            addLabel={(name) => t('classPath.addLabel', { name })}
            allowAddAll
          />
        </section>
      </div>
    </article>
  );
}

function describeOutcome(t: Translate, outcome: ClassPathOutcome): string {
  const parts = [t('classPath.saved')];
  if (outcome.extendedPathCount > 0) {
    parts.push(
      t('classPath.outcome.added', {
        targets: t('count.targets', { count: outcome.addedTargetCount }),
        paths: t('classPath.outcome.paths', { count: outcome.extendedPathCount }),
      }),
    );
  }
  if (outcome.createdPathCount > 0) parts.push(t('classPath.outcome.created', { count: outcome.createdPathCount }));
  if (outcome.extendedPathCount === 0 && outcome.createdPathCount === 0) parts.push(t('classPath.outcome.unchanged'));
  return parts.join(' ');
}
