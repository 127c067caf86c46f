import { useId } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useParams } from 'react-router-dom';
import { getClass, listFrameworks, loadStudentProgressData, useStore } from '#db';
import type { PathEntry } from '#protocol';
import { evaluateProgress } from '#ui/progress-input.ts';
import { useT } from '#ui/useT.ts';
import { addEnrichment, moveEntry } from './path-edits.ts';
import { targetName } from './target-name.ts';
import { PathEntryRow } from './PathEntryRow.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SpreadDatesForm } from './SpreadDatesForm.tsx';
import { TargetPicker } from './TargetPicker.tsx';
import { moveButtonAfter, useFocusAfterMove } from './useFocusAfterMove.ts';
import { usePathSaver } from './usePathSaver.ts';
import './paths.css';

/** A teacher personalises one student's path. Every change is saved at once and shows through the live query. */
export default function StudentPathPage() {
  const { studentId = '' } = useParams();
  const { t, language } = useT();
  const ids = useId();
  const store = useStore();
  const { state, save } = usePathSaver(studentId);
  const view = useLiveQuery(async () => {
    const data = await loadStudentProgressData(store, studentId);
    if (!data) return null;
    const [group, frameworks] = await Promise.all([getClass(store, data.student.classId), listFrameworks(store)]);
    return { data, frameworks, template: group?.templateTargetIds ?? [], progress: evaluateProgress(data, new Date()) };
  }, [store, studentId]);
  const entries: readonly PathEntry[] = view?.data.path?.entries ?? [];
  const focusAfterMove = useFocusAfterMove(entries.map((e) => e.targetId));

  if (view === undefined) return <p role="status">{t('common.loading')}</p>;
  if (view === null) return <p>{t('common.notFound')}</p>;
  const { data, frameworks, template, progress } = view;
  const targetsById = new Map(data.targets.map((target) => [target.id, target]));
  const nameOf = (targetId: string) => targetName(t, language, targetsById.get(targetId), targetId);
  const buttonId = (targetId: string, direction: 'up' | 'down') => `${ids}-${targetId}-${direction}`;

  const move = async (targetId: string, direction: 'up' | 'down') => {
    const placeIn = (saved: readonly PathEntry[]) => saved.findIndex((e) => e.targetId === targetId);
    const saved = await save(
      (current) => moveEntry(current, targetId, direction === 'up' ? -1 : 1),
      (saved) => t('pathEditor.moved', { name: nameOf(targetId), position: placeIn(saved) + 1, total: saved.length }),
    );
    if (!saved) return;
    const index = placeIn(saved);
    const elementId = buttonId(targetId, moveButtonAfter(direction, index, saved.length));
    focusAfterMove({ elementId, itemId: targetId, index });
  };

  return (
    <article className="page path-editor" aria-labelledby="path-editor-title">
      <Link to={`/student/${data.student.id}`} className="back-link">
        ← {t('common.back')}
      </Link>
      <h1 id="path-editor-title">{t('pathEditor.title', { name: data.student.displayName })}</h1>
      <SaveStatus state={state} />
      {entries.length === 0 ? (
        <section className="card">
          <p>{t('pathEditor.noPath')}</p>
          {template.length > 0 ? (
            <button
              type="button"
              onClick={() =>
                void save(
                  (current) => (current.length > 0 ? current : template.map((targetId) => ({ targetId }))),
                  t('pathEditor.started', { count: template.length }),
                )
              }
            >
              {t('pathEditor.startFromClass', { count: template.length })}
            </button>
          ) : null}
        </section>
      ) : (
        <ol className="plan-list" aria-label={t('pathEditor.listLabel')}>
          {entries.map((entry, index) => (
            <PathEntryRow
              key={entry.targetId}
              entry={entry}
              target={targetsById.get(entry.targetId)}
              name={nameOf(entry.targetId)}
              progress={progress.byTargetId[entry.targetId]}
              isCurrent={entry.targetId === progress.currentTargetId}
              position={index + 1}
              count={entries.length}
              evidenceCount={data.evidence.filter((e) => e.targetIds.includes(entry.targetId)).length}
              moveButtonId={(direction) => buttonId(entry.targetId, direction)}
              onMove={(direction) => void move(entry.targetId, direction)}
              save={save}
            />
          ))}
        </ol>
      )}
      <div className="two-columns">
        <SpreadDatesForm
          targetIds={progress.targets.filter((p) => !p.isSkipped && !p.isMastered).map((p) => p.targetId)}
          save={save}
        />
        <section className="card" aria-labelledby="enrichment-title">
          <h2 id="enrichment-title">{t('pathEditor.enrichment.title')}</h2>
          <p className="muted">{t('pathEditor.enrichment.help')}</p>
          <TargetPicker
            frameworks={frameworks}
            targets={data.targets}
            onPath={new Set(entries.map((e) => e.targetId))}
            onAdd={([targetId]) => {
              if (!targetId) return;
              const saved = t('pathEditor.enrichment.added', { name: nameOf(targetId) });
              void save((current) => addEnrichment(current, targetId), saved);
            }}
            addLabel={(name) => t('pathEditor.enrichment.addLabel', { name })}
            allowAddAll={false}
            disabled={state.kind === 'saving'}
          />
        </section>
      </div>
    </article>
  );
}
