import { useLiveQuery } from 'dexie-react-hooks';
import { hasTeacherPin, MIN_PIN_DIGITS, unlockDevice, useStore } from '#db';
import { TeacherUnlockButton } from '#ui/TeacherUnlockButton.tsx';

/** Unlocks a student's tablet with the teacher PIN: the address that was typed then shows its page. */
export function TeacherUnlock({ compact = false }: { compact?: boolean }) {
  const store = useStore();
  const hasPin = useLiveQuery(() => hasTeacherPin(store), [store]);
  return (
    <TeacherUnlockButton
      hasPin={hasPin}
      minDigits={MIN_PIN_DIGITS}
      unlock={(pin) => unlockDevice(store, pin)}
      compact={compact}
    />
  );
}
