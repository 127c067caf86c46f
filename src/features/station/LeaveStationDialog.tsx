import { useState, type FormEvent } from 'react';
import { leaveStationMode, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import { PinField } from '#ui/PinField.tsx';

/** Only the teacher PIN ends station mode; a wrong PIN says so and keeps the station locked. */
export function LeaveStationDialog({ onCancel }: { onCancel(): void }) {
  const { t } = useT();
  const store = useStore();
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<'kiosk.pin.wrong' | 'kiosk.pin.locked' | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // On success the station settings change and the whole station unmounts.
    const check = await leaveStationMode(store, pin);
    if (check !== 'ok') {
      setProblem(check === 'locked' ? 'kiosk.pin.locked' : 'kiosk.pin.wrong');
      setPin('');
    }
  };

  return (
    <div className="kiosk-dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="kiosk-leave-title"
        className="card kiosk-dialog"
        onSubmit={(e) => void submit(e)}
      >
        <h2 id="kiosk-leave-title">{t('kiosk.leave.title')}</h2>
        <PinField label={t('kiosk.setup.pin')} value={pin} onChange={setPin} autoFocus />
        {problem ? <p role="alert">{t(problem)}</p> : null}
        <div className="form-actions">
          <button type="submit">{t('kiosk.leave.confirm')}</button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
