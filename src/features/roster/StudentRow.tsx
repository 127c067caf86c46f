import { useState } from 'react';
import { updateStudent, useStore, type StudentRecord } from '#db';
import { LANGUAGES } from '#i18n';
import { whileBusy } from '#state/activity-store.ts';
import { Picture } from '#ui/Picture.tsx';
import { PICTURES, type PictureId } from '#ui/pictures.ts';
import { useT } from '#ui/useT.ts';

/**
 * One student, editable in place: name, picture, family language; archive keeps their record. A child
 * imported in several classes says which others (each class has its own record of them).
 */
export function StudentRow({ student, alsoIn }: { student: StudentRecord; alsoIn: readonly string[] }) {
  const { t } = useT();
  const store = useStore();
  const [name, setName] = useState(student.displayName);
  const save = (changes: Parameters<typeof updateStudent>[2]) =>
    void whileBusy(updateStudent(store, student.id, changes));

  return (
    <li className="student-row">
      <Picture id={student.picture} className="picture picture-large" />
      <label>
        {t('roster.students.name', { name: student.displayName })}{' '}
        <input
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={() => {
            if (name.trim() && name.trim() !== student.displayName) save({ displayName: name.trim() });
          }}
        />
      </label>{' '}
      <label>
        {t('roster.students.picture', { name: student.displayName })}{' '}
        <select value={student.picture} onChange={(e) => save({ picture: e.currentTarget.value })}>
          {(Object.keys(PICTURES) as PictureId[]).map((id) => (
            <option key={id} value={id}>
              {t(`picture.${id}`)}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('roster.students.language', { name: student.displayName })}{' '}
        <select value={student.familyLanguage} onChange={(e) => save({ familyLanguage: e.currentTarget.value })}>
          {LANGUAGES.map((l) => (
            <option key={l.tag} value={l.tag}>
              {l.name}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          if (window.confirm(t('roster.students.archiveConfirm', { name: student.displayName })))
            save({ archived: true });
        }}
      >
        {t('roster.students.archive', { name: student.displayName })}
      </button>
      {alsoIn.length > 0 ? (
        <p className="muted student-also-in">{t('roster.students.alsoIn', { classes: alsoIn })}</p>
      ) : null}
    </li>
  );
}
