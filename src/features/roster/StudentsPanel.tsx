import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { addStudent, getActiveClass, listStudents, useStore, type PersonRecord } from '#db';
import { findKnownChildRecords } from '#db/person-repository.ts';
import { linkedClassNames, pickPicture } from '#db/roster-import.ts';
import { linkKnownChild } from '#db/year-rollover.ts';
import { whileBusy } from '#state/activity-store.ts';
import { PICTURES } from '#ui/pictures.ts';
import { useT } from '#ui/useT.ts';
import { carryInto, carryReasons } from './known-child.ts';
import { StudentRow } from './StudentRow.tsx';

/** A child typed in who is already known, waiting for the teacher to add them with their history. */
interface Known {
  readonly displayName: string;
  readonly birthDate: string;
  readonly earlier: PersonRecord;
  readonly where: string;
}

/** The active class's students: add one by hand (a picture is chosen for them), edit, archive. */
export function StudentsPanel() {
  const { t } = useT();
  const store = useStore();
  const data = useLiveQuery(async () => {
    const group = await getActiveClass(store);
    const students = group ? await listStudents(store, group.id) : [];
    return { group, students, alsoIn: await linkedClassNames(store, students) };
  }, [store]);
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [known, setKnown] = useState<Known | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (!data) return <p role="status">{t('common.loading')}</p>;
  const { group, students, alsoIn } = data;
  if (!group) return <p>{t('class.noClass')}</p>;

  const cleared = (text: string) => {
    setName('');
    setBirthDate('');
    setKnown(null);
    setMessage(text);
  };
  const add = async () => {
    const displayName = name.trim();
    if (!displayName) return setMessage(t('roster.students.needName'));
    // A child already known (same name and date of birth) is linked to their history, never added twice.
    const records = birthDate ? await findKnownChildRecords(store, { displayName, birthDate }) : [];
    const here = records.find((r) => r.student.classId === group.id);
    if (here && !here.student.archived) return cleared(t('roster.students.alreadyHere', { name: displayName }));
    const earlier = here ?? records.at(-1);
    if (earlier) {
      const where = records.map((r) => r.group?.name ?? '').filter((n) => n !== '');
      return setKnown({ displayName, birthDate, earlier, where: [...new Set(where)].join(', ') });
    }
    const picture = pickPicture(
      students.map((s) => s.picture),
      Object.keys(PICTURES),
    );
    const fields = { classId: group.id, displayName, picture, familyLanguage: group.language };
    await whileBusy(addStudent(store, birthDate ? { ...fields, birthDate } : fields));
    cleared(t('roster.students.added', { name: displayName }));
  };
  const link = async ({ displayName, earlier }: Known) => {
    const back = earlier.student.classId === group.id;
    await whileBusy(
      (async () =>
        linkKnownChild(store, {
          classId: group.id,
          earlier: earlier.student,
          status: back ? null : await carryInto(store, earlier.student, group.id),
          reasons: await carryReasons(store, earlier.student, t),
          fields: { displayName },
        }))(),
    );
    cleared(t(back ? 'roster.students.back' : 'roster.students.linked', { name: displayName }));
  };

  return (
    <section className="card" aria-labelledby="roster-students-title">
      <h2 id="roster-students-title">{t('roster.students.title', { name: group.name })}</h2>
      <ul className="plain-list" aria-label={t('class.roster')}>
        {students.map((student) => (
          <StudentRow key={student.id} student={student} alsoIn={alsoIn.get(student.id) ?? []} />
        ))}
      </ul>
      <form
        className="roster-add"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          {t('roster.students.newName')} <input value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </label>{' '}
        <label>
          {t('roster.students.birthDate')}{' '}
          <input type="date" value={birthDate} onChange={(e) => setBirthDate(e.currentTarget.value)} />
        </label>{' '}
        <button type="submit">{t('roster.students.add')}</button>
      </form>
      {known ? (
        <div role="alertdialog" aria-labelledby="roster-known-text" className="card">
          <p id="roster-known-text">{t('roster.students.known', { name: known.displayName, classes: known.where })}</p>
          <div className="form-actions">
            <button type="button" onClick={() => void link(known)}>
              {t('roster.students.link')}
            </button>
            <button type="button" className="secondary" onClick={() => setKnown(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
