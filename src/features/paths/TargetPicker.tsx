import { useId, useState } from 'react';
import type { FrameworkRecord, TargetRecord } from '#db';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { targetName } from './target-name.ts';

interface Props {
  readonly frameworks: readonly FrameworkRecord[];
  /** Every target on the device, in sequence order. */
  readonly targets: readonly TargetRecord[];
  readonly onPath: ReadonlySet<string>;
  readonly onAdd: (targetIds: string[]) => void;
  /** Accessible name of a target's Add button from the target's name, e.g. 'Add RF.K.1a “I can…”'. */
  readonly addLabel: (name: string) => string;
  readonly allowAddAll: boolean;
  readonly disabled?: boolean;
}

/** Chooses targets from one framework at a time, listed in the framework's order. */
export function TargetPicker({ frameworks, targets, onPath, onAdd, addLabel, allowAddAll, disabled }: Props) {
  const { t, language } = useT();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const framework = frameworks.find((f) => f.id === chosen) ?? frameworks[0];
  if (!framework) return <p>{t('pathPlan.noFrameworks')}</p>;
  const listed = targets.filter((target) => target.frameworkId === framework.id);
  const missing = listed.filter((target) => !onPath.has(target.id)).map((target) => target.id);

  return (
    <div className="target-picker">
      <label htmlFor={`${id}-framework`}>{t('pathPlan.framework')}</label>
      <select id={`${id}-framework`} value={framework.id} onChange={(e) => setChosen(e.target.value)}>
        {frameworks.map((f) => (
          <option key={f.id} value={f.id}>
            {f.title} · {t(`pathPlan.kind.${f.kind}`)}
          </option>
        ))}
      </select>
      {allowAddAll && missing.length > 0 ? (
        <button type="button" className="secondary" disabled={disabled} onClick={() => onAdd(missing)}>
          {t('pathPlan.addAll', { count: missing.length })}
        </button>
      ) : null}
      {missing.length === 0 ? (
        <p>
          <span aria-hidden="true">✓ </span>
          {t('pathPlan.allOnPath')}
        </p>
      ) : null}
      <ol className="picker-list" aria-label={t('pathPlan.targetsOf', { title: framework.title })}>
        {listed.map((target) => (
          <li key={target.id} className="picker-item">
            <span aria-hidden="true" className="target-icon">
              <TargetIcon icon={target.icon} />
            </span>
            <span className="picker-text">
              <strong>{target.code}</strong> {targetStatement(target, language, 'kid')}
            </span>
            {onPath.has(target.id) ? (
              <span className="tag">
                <span aria-hidden="true">✓ </span>
                {t('pathPlan.onPath')}
              </span>
            ) : (
              <button
                type="button"
                className="secondary"
                aria-label={addLabel(targetName(t, language, target, target.id))}
                disabled={disabled}
                onClick={() => onAdd([target.id])}
              >
                {t('pathPlan.add')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
