import { lazy, Suspense, useState } from 'react';
import type { PinOutcome } from './TeacherPinFields.tsx';
import { useT } from './useT.ts';

// Only a teacher at a locked tablet opens it: not part of the first screen's code.
const TeacherPinDialog = lazy(async () => ({ default: (await import('./TeacherPinDialog.tsx')).TeacherPinDialog }));

/**
 * The teacher's way back from a locked tablet: a button, then the teacher PIN (or a new one, on a tablet
 * locked before it had any). `unlock` answers the repository's PIN check; on 'ok' the tablet's role
 * changes and the screen that showed this goes away.
 */
export function TeacherUnlockButton(props: {
  hasPin: boolean | undefined;
  minDigits: number;
  unlock(pin: string): Promise<PinOutcome>;
  compact?: boolean;
}) {
  const { t } = useT();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={props.compact ? 'secondary header-teacher' : 'secondary'}
        aria-label={props.compact ? t('lock.teacher') : undefined}
        onClick={() => setIsOpen(true)}
      >
        {props.compact ? t('lock.teacherShort') : t('lock.teacher')}
      </button>
      {isOpen && props.hasPin !== undefined ? (
        <Suspense fallback={null}>
          <TeacherPinDialog
            title={t('lock.unlockTitle')}
            confirmLabel={t('lock.unlock')}
            isNewPin={!props.hasPin}
            minDigits={props.minDigits}
            submit={props.unlock}
            onCancel={() => setIsOpen(false)}
          >
            <p>{t(props.hasPin ? 'lock.unlockIntro' : 'lock.noPinYet')}</p>
          </TeacherPinDialog>
        </Suspense>
      ) : null}
    </>
  );
}
