import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from 'react-router-dom';
import {
  confirmTeacherPin,
  getConnection,
  hasTeacherPin,
  listClasses,
  listStudents,
  lockDevice,
  MIN_PIN_DIGITS,
  useStore,
} from '#db';
import { useSyncController } from '#state/sync-controller.ts';
import { useHandOver } from '#ui/useHandOver.ts';
import { TeacherPinFields, usePinEntry } from '#ui/TeacherPinFields.tsx';
import { useT } from '#ui/useT.ts';
import './school.css';

type Kind = 'station' | 'student';

/**
 * What this tablet is for: a teacher locks it, behind the teacher PIN, to a station for one class or to
 * one student's own tablet (which, connected to a school server, enrolls there as that student's device).
 * Shown on a teacher's tablet only: a locked tablet never reaches Settings.
 */
export function DeviceRolePanel() {
  const { t } = useT();
  const id = useId();
  const store = useStore();
  const sync = useSyncController();
  const navigate = useNavigate();
  const [kind, setKind] = useState<Kind>('station');
  const [chosenClass, setChosenClass] = useState<string | null>(null);
  const [chosenStudent, setChosenStudent] = useState<string | null>(null);
  const data = useLiveQuery(async () => {
    const [classes, hasPin, connection] = await Promise.all([
      listClasses(store),
      hasTeacherPin(store),
      getConnection(store),
    ]);
    const classId = chosenClass ?? classes[0]?.id ?? '';
    return { classes, classId, hasPin, connection, students: classId ? await listStudents(store, classId) : [] };
  }, [store, chosenClass]);
  const entry = usePinEntry(data ? !data.hasPin : false, MIN_PIN_DIGITS);
  const { busy, problem, submit } = useHandOver(entry);
  if (!data) return null;
  const studentId = data.students.some((s) => s.id === chosenStudent) ? chosenStudent! : (data.students[0]?.id ?? '');
  const canLock = data.classId !== '' && (kind === 'station' || studentId !== '');

  // A station's routes lead to /station by themselves; a student's tablet goes to the student's path.
  const lock = async (pin: string) => {
    // The PIN first: a tablet enrolled in its new role but left unlocked would be the worst of both.
    const check = await confirmTeacherPin(store, pin);
    if (check !== 'ok') return check;
    const { classId } = data;
    if (kind === 'station') {
      await sync.enrollAs({ kind, classId });
      return lockDevice(store, { kind, classId }, pin);
    }
    await sync.enrollAs({ kind, studentId, classId });
    const locked = await lockDevice(store, { kind, studentId }, pin);
    if (locked === 'ok') navigate(`/my-path/${studentId}`);
    return locked;
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('roles.title')}</h2>
      <p>{t('roles.now')}</p>
      <p>{t('roles.intro')}</p>
      <form aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e, lock)} className="role-form">
        <fieldset className="kind-choice">
          <legend>{t('roles.choice')}</legend>
          {(['station', 'student'] as const).map((k) => (
            <label key={k}>
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(k === 'station' ? 'roles.station' : 'roles.student')}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-class`}>{t('roles.class')}</label>
        <select id={`${id}-class`} value={data.classId} onChange={(e) => setChosenClass(e.target.value)}>
          {data.classes.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {kind === 'student' ? (
          <>
            <label htmlFor={`${id}-student`}>{t('roles.studentName')}</label>
            {data.students.length === 0 ? <p>{t('roles.noStudents')}</p> : null}
            <select id={`${id}-student`} value={studentId} onChange={(e) => setChosenStudent(e.target.value)}>
              {data.students.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </select>
            {data.connection?.kind === 'teacher' ? (
              <p className="muted">
                {t('handOver.server', { name: data.students.find((s) => s.id === studentId)?.displayName ?? '' })}
              </p>
            ) : null}
          </>
        ) : data.connection?.kind === 'teacher' ? (
          <p className="muted">{t('roles.stationServer')}</p>
        ) : null}
        <TeacherPinFields entry={entry} />
        <div className="form-actions">
          <button type="submit" disabled={busy || !canLock}>
            {busy ? t('roles.locking') : t('roles.lock')}
          </button>
        </div>
        {problem ? <p role="alert">{problem}</p> : null}
      </form>
    </section>
  );
}
