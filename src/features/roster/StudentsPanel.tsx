import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { addStudent, getActiveClass, linkedClassNames, listStudents, pickPicture, useStore } from '#db';
import { whileBusy } from '#state/activity-store.ts';
import { PICTURES } from '#ui/pictures.ts';
import { useT } from '#ui/useT.ts';
import { StudentRow } from './StudentRow.tsx';

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
  const [message, setMessage] = useState<string | null>(null);

  if (!data) return <p role="status">{t('common.loading')}</p>;
  const { group, students, alsoIn } = data;
  if (!group) return <p>{t('class.noClass')}</p>;

  const add = async () => {
    const displayName = name.trim();
    if (!displayName) return setMessage(t('roster.students.needName'));
    const picture = pickPicture(
      students.map((s) => s.picture),
      Object.keys(PICTURES),
    );
    await whileBusy(addStudent(store, { classId: group.id, displayName, picture, familyLanguage: group.language }));
    setName('');
    setMessage(t('roster.students.added', { name: displayName }));
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
        <button type="submit">{t('roster.students.add')}</button>
      </form>
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
