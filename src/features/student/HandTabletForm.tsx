import { useId } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from 'react-router-dom';
import { confirmTeacherPin, getConnection, hasTeacherPin, lockDevice, MIN_PIN_DIGITS, useStore } from '#db';
import { useSyncController } from '#state/sync-controller.ts';
import { useHandOver } from '#ui/useHandOver.ts';
import { TeacherPinFields, usePinEntry } from '#ui/TeacherPinFields.tsx';
import { useT } from '#ui/useT.ts';

/**
 * The teacher gives this tablet to the student: behind the teacher PIN it locks to the student's own path
 * and, connected to a school server, enrolls there as the student's device first (so it syncs only them).
 */
export function HandTabletForm({ student }: { student: { id: string; classId: string; displayName: string } }) {
  const { t } = useT();
  const id = useId();
  const store = useStore();
  const sync = useSyncController();
  const navigate = useNavigate();
  const state = useLiveQuery(
    async () => ({ hasPin: await hasTeacherPin(store), connection: await getConnection(store) }),
    [store],
  );
  const entry = usePinEntry(state ? !state.hasPin : false, MIN_PIN_DIGITS);
  const { busy, problem, submit } = useHandOver(entry);
  const name = student.displayName;

  const handOver = async (pin: string) => {
    const check = await confirmTeacherPin(store, pin);
    if (check !== 'ok') return check;
    await sync.enrollAs({ kind: 'student', studentId: student.id, classId: student.classId });
    const locked = await lockDevice(store, { kind: 'student', studentId: student.id }, pin);
    if (locked === 'ok') navigate(`/my-path/${student.id}`);
    return locked;
  };

  return (
    <details className="card hand-over">
      <summary id={`${id}-title`}>{t('handOver.title', { name })}</summary>
      <form aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e, handOver)}>
        <p>{t('handOver.intro', { name })}</p>
        {state?.connection?.kind === 'teacher' ? <p className="muted">{t('handOver.server', { name })}</p> : null}
        <TeacherPinFields entry={entry} />
        <div className="form-actions">
          <button type="submit" disabled={busy || state === undefined}>
            {busy ? t('handOver.working') : t('handOver.submit', { name })}
          </button>
        </div>
        {problem ? <p role="alert">{problem}</p> : null}
      </form>
    </details>
  );
}
