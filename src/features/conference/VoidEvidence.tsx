import { useId, useState, type FormEvent } from 'react';
import { deviceTeacher, useStore, voidEvidence } from '#db';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';

/** Evidence is never edited: a mistake is voided with a reason and stays visible, struck through. */
export function VoidEvidence({ evidenceId, labelledBy }: { evidenceId: string; labelledBy: string }) {
  const { t } = useT();
  const store = useStore();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('conference.void.needReason'));
      return;
    }
    try {
      await whileBusy(deviceTeacher(store).then((by) => voidEvidence(store, evidenceId, reason, by)));
      setOpen(false);
    } catch (e) {
      setError(t('conference.saveFailed', { reason: (e as Error).message }));
    }
  };

  if (!open) {
    return (
      // Named "Void, <kind> <day>", so each card's button says which evidence it voids.
      <button
        type="button"
        id={`${id}-open`}
        aria-labelledby={`${id}-open ${labelledBy}`}
        className="secondary small"
        onClick={() => setOpen(true)}
      >
        {t('conference.void.open')}
      </button>
    );
  }
  return (
    <form className="void-form" onSubmit={(e) => void submit(e)} aria-label={t('conference.void.form')}>
      <label htmlFor={id}>{t('conference.void.reason')}</label>
      <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      <div className="choice-row">
        <button type="submit" className="danger">
          {t('conference.void.confirm')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
