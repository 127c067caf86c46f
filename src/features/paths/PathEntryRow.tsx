import { useState } from 'react';
import type { TargetRecord } from '#db';
import type { PathEntry } from '#protocol';
import type { TargetProgress } from '#rules';
import { StatusBadge } from '#ui/StatusBadge.tsx';
import { TargetIcon } from '#ui/TargetIcon.tsx';
import { targetStatement } from '#ui/target-text.ts';
import { useT } from '#ui/useT.ts';
import { EntryChanges } from './EntryChanges.tsx';
import type { SavePath } from './usePathSaver.ts';

interface Props {
  readonly entry: PathEntry;
  readonly target: TargetRecord | undefined;
  /** Code and statement, for labels: codes alone are not unique. */
  readonly name: string;
  /** The rules' view of this target; absent for a target not on this device. */
  readonly progress: TargetProgress | undefined;
  readonly isCurrent: boolean;
  readonly position: number;
  readonly count: number;
  readonly evidenceCount: number;
  readonly moveButtonId: (direction: 'up' | 'down') => string;
  readonly onMove: (direction: 'up' | 'down') => void;
  readonly save: SavePath;
}

/** One target on the path being edited: what it is, its status, its marks; move it, or open its changes. */
export function PathEntryRow(props: Props) {
  const { entry, target, name, progress, position, count } = props;
  const { t, language } = useT();
  const [isOpen, setOpen] = useState(false);
  const code = target?.code ?? entry.targetId;
  const dates = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });

  return (
    <li
      className={`plan-item${entry.skippedReason ? ' skipped' : ''}`}
      aria-current={props.isCurrent ? 'step' : undefined}
    >
      <span className="plan-position">{position}</span>
      <span aria-hidden="true" className="target-icon">
        {target ? <TargetIcon icon={target.icon} /> : '?'}
      </span>
      <span className="plan-text">
        <strong>{code}</strong> {target ? targetStatement(target, language, 'kid') : t('pathPlan.unknown')}
        <span className="plan-marks">
          {progress ? <StatusBadge status={progress.status} skipped={progress.isSkipped} /> : null}
          {props.isCurrent ? <span className="tag">{t('status.current')}</span> : null}
          {entry.enrichment ? (
            <span className="tag">
              <span aria-hidden="true">★ </span>
              {t('pathMap.enrichment')}
            </span>
          ) : null}
          {entry.plannedDate ? (
            <span className="tag">
              {t('pathEditor.plannedFor', { date: dates.format(new Date(`${entry.plannedDate}T00:00:00Z`)) })}
            </span>
          ) : null}
          {progress?.isOverdue ? (
            <span className="tag pacing-behind">
              <span aria-hidden="true">⚠ </span>
              {t('pathMap.behind')}
            </span>
          ) : null}
        </span>
        {entry.skippedReason ? (
          <span className="plan-reason">{t('pathMap.skippedBecause', { reason: entry.skippedReason })}</span>
        ) : null}
      </span>
      <span className="plan-actions">
        <button
          type="button"
          id={props.moveButtonId('up')}
          className="secondary"
          aria-label={t('pathPlan.moveUpLabel', { name })}
          disabled={position === 1}
          onClick={() => props.onMove('up')}
        >
          <span aria-hidden="true">↑ </span>
          {t('pathPlan.moveUp')}
        </button>
        <button
          type="button"
          id={props.moveButtonId('down')}
          className="secondary"
          aria-label={t('pathPlan.moveDownLabel', { name })}
          disabled={position === count}
          onClick={() => props.onMove('down')}
        >
          <span aria-hidden="true">↓ </span>
          {t('pathPlan.moveDown')}
        </button>
        <button
          type="button"
          className="secondary"
          aria-expanded={isOpen}
          aria-label={t('pathEditor.changeLabel', { name })}
          onClick={() => setOpen(!isOpen)}
        >
          {t('pathEditor.change')}
        </button>
      </span>
      {isOpen ? (
        <EntryChanges
          key={entry.plannedDate ?? ''}
          entry={entry}
          name={name}
          evidenceCount={props.evidenceCount}
          save={props.save}
        />
      ) : null}
    </li>
  );
}
