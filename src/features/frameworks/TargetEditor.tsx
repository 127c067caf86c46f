import { useId, useState } from 'react';
import { saveTargetEdit, useStore, type ItemSetRecord, type TargetRecord } from '#db';
import type { MasteryScale } from '#protocol';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';
import { IconField } from './IconField.tsx';
import { ItemListEditor } from './ItemListEditor.tsx';
import { RuleFields } from './RuleFields.tsx';
import { RulePreview } from './RulePreview.tsx';
import { draftChanges, draftProblems, targetDraft, type Problem, type TargetDraft } from './target-form.ts';
import { useFocusOnMount } from './useFocusOnMount.ts';

type Outcome =
  | { readonly kind: 'editing' }
  | { readonly kind: 'problems'; readonly problems: readonly Problem[] }
  | { readonly kind: 'saved' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'failed'; readonly reason: string };

/** Edits one target: statements, icon, items and mastery rule, with a live preview of the rule. */
export function TargetEditor(props: {
  target: TargetRecord;
  itemSet: ItemSetRecord | undefined;
  sharedWith: number;
  scale: MasteryScale;
  onBack: () => void;
}) {
  const { t } = useT();
  const store = useStore();
  const id = useId();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [draft, setDraft] = useState<TargetDraft>(() => targetDraft(props.target, props.itemSet));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'editing' });
  const update = (changes: Partial<TargetDraft>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setOutcome({ kind: 'editing' });
  };

  const save = async () => {
    const problems = draftProblems(draft);
    if (problems.length > 0) return setOutcome({ kind: 'problems', problems });
    const { changes, itemSet } = draftChanges(props.target, props.itemSet, draft);
    if (Object.keys(changes).length === 0 && !itemSet) return setOutcome({ kind: 'unchanged' });
    try {
      await whileBusy(saveTargetEdit(store, props.target.id, changes, itemSet));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const text = (field: 'kidStatement' | 'kidStatementEs' | 'teacherStatement' | 'teacherStatementEs') => (
    <p>
      <label htmlFor={`${id}-${field}`}>{t(`targetEdit.field.${field}`)}</label>
      <textarea
        id={`${id}-${field}`}
        rows={2}
        value={draft[field]}
        onChange={(e) => update({ [field]: e.currentTarget.value })}
      />
    </p>
  );

  return (
    <section className="card target-editor" aria-labelledby={`${id}-title`}>
      <button type="button" className="secondary" onClick={props.onBack}>
        {t('targetEdit.back')}
      </button>
      <h2 id={`${id}-title`} tabIndex={-1} ref={heading}>
        {t('targetEdit.title', { code: props.target.code })}
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>{t('targetEdit.statements')}</legend>
          {text('kidStatement')}
          {text('kidStatementEs')}
          {text('teacherStatement')}
          {text('teacherStatementEs')}
        </fieldset>
        <IconField value={draft.icon} onChange={(icon) => update({ icon })} />
        <ItemListEditor items={draft.items} sharedWith={props.sharedWith} onChange={(items) => update({ items })} />
        <div className="rule-and-preview">
          <RuleFields draft={draft} onChange={(rule) => update({ rule })} />
          <RulePreview target={props.target} draft={draft} scale={props.scale} />
        </div>
        {outcome.kind === 'problems' ? (
          <div role="alert" className="form-problems">
            <p>{t('targetEdit.problems')}</p>
            <ul>
              {outcome.problems.map((p) => (
                <li key={p.key + JSON.stringify(p.params ?? {})}>{t(p.key, p.params)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="big">
            {t('targetEdit.save')}
          </button>
          <p role="status">
            {outcome.kind === 'saved' ? t('targetEdit.saved') : null}
            {outcome.kind === 'unchanged' ? t('targetEdit.unchanged') : null}
            {outcome.kind === 'failed' ? t('targetEdit.failed', { reason: outcome.reason }) : null}
          </p>
        </div>
      </form>
    </section>
  );
}
