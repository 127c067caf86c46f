import { useState } from 'react';
import { PinField } from './PinField.tsx';
import { useT } from './useT.ts';

/** How a PIN check went: the repository's answer (src/db PinCheck). */
export type PinOutcome = 'ok' | 'wrong' | 'locked';

type Problem = 'kiosk.setup.pinTooShort' | 'kiosk.setup.pinMismatch' | 'kiosk.pin.wrong' | 'kiosk.pin.locked';

export interface PinEntry {
  readonly isNewPin: boolean;
  readonly pin: string;
  readonly again: string;
  readonly problem: Problem | null;
  setPin(value: string): void;
  setAgain(value: string): void;
  /**
   * Runs `submit` with the PIN unless it is plainly not one (a new PIN too short or typed differently
   * twice); answers whether it was accepted. A refused PIN is cleared and says why.
   */
  attempt(submit: (pin: string) => Promise<PinOutcome>): Promise<boolean>;
}

/**
 * The teacher PIN that guards a locked tablet: typed once, or, on a tablet that has none yet, chosen and
 * typed twice (it becomes the PIN). `minDigits` is the repository's MIN_PIN_DIGITS.
 */
export function usePinEntry(isNewPin: boolean, minDigits: number): PinEntry {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  return {
    isNewPin,
    pin,
    again,
    problem,
    setPin,
    setAgain,
    async attempt(submit) {
      if (isNewPin && pin.length < minDigits) return (setProblem('kiosk.setup.pinTooShort'), false);
      if (isNewPin && pin !== again) {
        // Which of the two was mistyped cannot be known: both are typed again.
        setPin('');
        setAgain('');
        setProblem('kiosk.setup.pinMismatch');
        return false;
      }
      const outcome = await submit(pin);
      if (outcome === 'ok') {
        setProblem(null);
        return true;
      }
      setPin('');
      setAgain('');
      setProblem(outcome === 'locked' ? 'kiosk.pin.locked' : 'kiosk.pin.wrong');
      return false;
    },
  };
}

/** The PIN box (two for a new PIN) and what was wrong with the last try. */
export function TeacherPinFields({ entry, autoFocus = false }: { entry: PinEntry; autoFocus?: boolean }) {
  const { t } = useT();
  return (
    <>
      <PinField
        label={t(entry.isNewPin ? 'kiosk.setup.newPin' : 'kiosk.setup.pin')}
        value={entry.pin}
        onChange={entry.setPin}
        autoFocus={autoFocus}
      />
      {entry.isNewPin ? (
        <PinField label={t('kiosk.setup.confirmPin')} value={entry.again} onChange={entry.setAgain} />
      ) : null}
      {entry.problem ? <p role="alert">{t(entry.problem)}</p> : null}
    </>
  );
}
