import { useId } from 'react';
import type { TargetRecord } from '#db';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { targetName } from './target-name.ts';
import { moveButtonAfter, useFocusAfterMove } from './useFocusAfterMove.ts';

interface Props {
  readonly targetIds: readonly string[];
  readonly targetsById: ReadonlyMap<string, TargetRecord>;
  readonly onChange: (targetIds: string[]) => void;
}

/** The class path being edited: reorder with Move up / Move down, remove. */
export function ClassPathList({ targetIds, targetsById, onChange }: Props) {
  const { t, language } = useT();
  const ids = useId();
  const focusAfterMove = useFocusAfterMove(targetIds);
  const buttonId = (targetId: string, direction: 'up' | 'down') => `${ids}-${targetId}-${direction}`;

  const move = (index: number, direction: 'up' | 'down') => {
    const to = direction === 'up' ? index - 1 : index + 1;
    const next = [...targetIds];
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
    const targetId = targetIds[index]!;
    focusAfterMove({
      elementId: buttonId(targetId, moveButtonAfter(direction, to, next.length)),
      itemId: targetId,
      index: to,
    });
  };

  if (targetIds.length === 0) return <p>{t('classPath.empty')}</p>;
  return (
    <ol className="plan-list" aria-label={t('classPath.listLabel')}>
      {targetIds.map((targetId, index) => {
        const target = targetsById.get(targetId);
        const name = targetName(t, language, target, targetId);
        return (
          <li key={targetId} className="plan-item">
            <span className="plan-position">{index + 1}</span>
            <span aria-hidden="true" className="target-icon">
              {target ? <TargetIcon icon={target.icon} /> : '?'}
            </span>
            <span className="plan-text">
              <strong>{target?.code ?? targetId}</strong>{' '}
              {target ? targetStatement(target, language, 'kid') : t('pathPlan.unknown')}
            </span>
            <span className="plan-actions">
              <button
                type="button"
                id={buttonId(targetId, 'up')}
                className="secondary"
                aria-label={t('pathPlan.moveUpLabel', { name })}
                disabled={index === 0}
                onClick={() => move(index, 'up')}
              >
                <span aria-hidden="true">↑ </span>
                {t('pathPlan.moveUp')}
              </button>
              <button
                type="button"
                id={buttonId(targetId, 'down')}
                className="secondary"
                aria-label={t('pathPlan.moveDownLabel', { name })}
                disabled={index === targetIds.length - 1}
                onClick={() => move(index, 'down')}
              >
                <span aria-hidden="true">↓ </span>
                {t('pathPlan.moveDown')}
              </button>
              <button
                type="button"
                className="secondary"
                aria-label={t('classPath.removeLabel', { name })}
                onClick={() => onChange(targetIds.filter((id) => id !== targetId))}
              >
                {t('pathPlan.remove')}
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
