import { useId, type FormEvent, type ReactNode } from 'react';
import { TeacherPinFields, usePinEntry, type PinOutcome } from './TeacherPinFields.tsx';
import { useT } from './useT.ts';
import './teacher-pin.css';

/**
 * A teacher's way out of a locked tablet: a modal that asks for the teacher PIN (or, on a tablet that has
 * none yet, a new one twice) and calls `submit`, which unlocks on 'ok'. Escape or Cancel close it.
 */
export function TeacherPinDialog(props: {
  title: string;
  confirmLabel: string;
  isNewPin: boolean;
  minDigits: number;
  submit(pin: string): Promise<PinOutcome>;
  onCancel(): void;
  children?: ReactNode;
}) {
  const { t } = useT();
  const id = useId();
  const entry = usePinEntry(props.isNewPin, props.minDigits);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // On success the tablet's role changes and whatever showed this dialog goes away.
    await entry.attempt(props.submit);
  };
  return (
    <div className="pin-dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="card pin-dialog"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onCancel();
        }}
      >
        <h2 id={`${id}-title`}>{props.title}</h2>
        {props.children}
        <TeacherPinFields entry={entry} autoFocus />
        <div className="form-actions">
          <button type="submit">{props.confirmLabel}</button>
          <button type="button" className="secondary" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
