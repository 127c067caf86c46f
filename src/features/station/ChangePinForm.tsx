import { useId, useState, type FormEvent } from 'react';
import { changeStationPin, isValidPin, useStore } from '#db';
import { useT } from '#ui/useT.ts';
import { PinField } from '#ui/PinField.tsx';

type Outcome =
  | 'kiosk.setup.pinTooShort'
  | 'kiosk.setup.pinMismatch'
  | 'kiosk.pin.wrong'
  | 'kiosk.pin.locked'
  | 'kiosk.changePin.done'
  | null;

/** The teacher changes the station PIN with the current one (outside station mode only). */
export function ChangePinForm() {
  const { t } = useT();
  const store = useStore();
  const id = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [nextAgain, setNextAgain] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isValidPin(next)) return setOutcome('kiosk.setup.pinTooShort');
    if (next !== nextAgain) return setOutcome('kiosk.setup.pinMismatch');
    const check = await changeStationPin(store, current, next);
    setCurrent('');
    if (check === 'ok') {
      setNext('');
      setNextAgain('');
    }
    setOutcome(check === 'ok' ? 'kiosk.changePin.done' : check === 'locked' ? 'kiosk.pin.locked' : 'kiosk.pin.wrong');
  };

  return (
    <details className="card">
      <summary id={`${id}-title`}>{t('kiosk.changePin.title')}</summary>
      <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
        <PinField label={t('kiosk.changePin.current')} value={current} onChange={setCurrent} />
        <PinField label={t('kiosk.setup.newPin')} value={next} onChange={setNext} />
        <PinField label={t('kiosk.setup.confirmPin')} value={nextAgain} onChange={setNextAgain} />
        {outcome === 'kiosk.changePin.done' ? (
          <p role="status">{t(outcome)}</p>
        ) : outcome ? (
          <p role="alert">{t(outcome)}</p>
        ) : null}
        <div className="form-actions">
          <button type="submit">{t('kiosk.changePin.submit')}</button>
        </div>
      </form>
    </details>
  );
}
