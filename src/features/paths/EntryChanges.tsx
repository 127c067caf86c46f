import { useId, useState, type FormEvent } from 'react';
import type { PathEntry } from '#protocol';
import { useT } from '#ui/useT.ts';
import { removeEntry, setPlannedDate, skipEntry, unskipEntry } from './path-edits.ts';
import type { SavePath } from './usePathSaver.ts';

interface Props {
  readonly entry: PathEntry;
  readonly name: string;
  readonly evidenceCount: number;
  readonly save: SavePath;
}

/** Skip with a reason or un-skip, plan a date, remove: each saved at once. */
export function EntryChanges({ entry, name, evidenceCount, save }: Props) {
  const { t } = useT();
  const ids = useId();
  const { targetId } = entry;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [date, setDate] = useState(entry.plannedDate ?? '');
  const [confirmingRemove, setConfirmingRemove] = useState(false);

  const skip = async (event: FormEvent) => {
    event.preventDefault();
    // Refused here with the reason why; skipEntry refuses too, so no caller can store a skip without one.
    if (!reason.trim()) {
      setReasonError(true);
      return;
    }
    setReasonError(false);
    if (await save((current) => skipEntry(current, targetId, reason), t('pathEditor.skip.saved', { name }))) {
      setReason('');
    }
  };

  const remove = () => {
    if (evidenceCount > 0 && !confirmingRemove) {
      setConfirmingRemove(true);
      return;
    }
    void save((current) => removeEntry(current, targetId), t('pathEditor.remove.saved', { name }));
  };

  return (
    <div className="entry-changes">
      {entry.skippedReason ? (
        <div className="choice-row">
          <button
            type="button"
            className="secondary"
            onClick={() => void save((c) => unskipEntry(c, targetId), t('pathEditor.unskip.saved', { name }))}
          >
            {t('pathEditor.unskip.button', { name })}
          </button>
        </div>
      ) : (
        <form onSubmit={(e) => void skip(e)} aria-label={t('pathEditor.skip.formLabel', { name })} noValidate>
          <label htmlFor={`${ids}-reason`}>{t('pathEditor.skip.reason')}</label>
          <textarea
            id={`${ids}-reason`}
            rows={2}
            value={reason}
            placeholder={t('pathEditor.skip.placeholder')}
            aria-invalid={reasonError || undefined}
            aria-describedby={reasonError ? `${ids}-reason-error` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {reasonError ? (
            <p id={`${ids}-reason-error`} role="alert">
              {t('pathEditor.problem.reasonRequired')}
            </p>
          ) : null}
          <button type="submit" className="secondary">
            {t('pathEditor.skip.button')}
          </button>
        </form>
      )}

      <div className="entry-date">
        <label htmlFor={`${ids}-date`}>{t('pathEditor.date.label', { name })}</label>
        <input id={`${ids}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <div className="choice-row">
          <button
            type="button"
            className="secondary"
            disabled={!date || date === entry.plannedDate}
            onClick={() => void save((c) => setPlannedDate(c, targetId, date), t('pathEditor.date.saved', { name }))}
          >
            {t('pathEditor.date.set')}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!entry.plannedDate}
            onClick={() => {
              setDate('');
              void save((c) => setPlannedDate(c, targetId, null), t('pathEditor.date.cleared', { name }));
            }}
          >
            {t('pathEditor.date.clear')}
          </button>
        </div>
      </div>

      {confirmingRemove ? (
        <div className="entry-remove" role="group" aria-label={t('pathEditor.remove.confirmLabel', { name })}>
          <p>{t('pathEditor.remove.confirm', { name, count: evidenceCount })}</p>
          <div className="choice-row">
            <button type="button" className="danger" onClick={remove}>
              {t('pathEditor.remove.yes')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirmingRemove(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="choice-row">
          <button type="button" className="secondary" onClick={remove}>
            {t('pathEditor.remove.button', { name })}
          </button>
        </div>
      )}
    </div>
  );
}
