/** A small class with a path, targets, evidence and decisions, for the school-year tests. */
import { DEFAULT_SCALE } from '#protocol';
import { addStudent, loadStudentProgressData, recordEvidence, writeMany, type Store } from '#db';
import { carryStatus } from '#ui/year-carry.ts';

export const TARGETS = ['yt-1', 'yt-2', 'yt-3'];
const teacher = { kind: 'teacher', id: 'teacher-1' } as const;

export async function seedYearClass(store: Store): Promise<{ classId: string; studentIds: string[] }> {
  const classId = 'class-k-blue';
  await writeMany(store.db, store.env, [
    { table: 'schools', recordId: 'school-1', fields: { id: 'school-1', name: 'Riverside', scale: DEFAULT_SCALE } },
    {
      table: 'frameworks',
      recordId: 'fw-y',
      fields: { id: 'fw-y', title: 'Year', kind: 'academic', version: '1', notices: [] },
    },
    ...TARGETS.map((id, i) => ({
      table: 'targets' as const,
      recordId: id,
      fields: {
        id,
        frameworkId: 'fw-y',
        code: `Y.${i + 1}`,
        sequence: i,
        strand: 'Year',
        teacherStatement: `Target ${i + 1}`,
        kidStatement: `I can ${i + 1}`,
        icon: 'star',
        prerequisites: [],
        rule: { kind: 'score', method: { kind: 'mostRecent' } },
      },
    })),
    {
      table: 'classes',
      recordId: classId,
      fields: {
        id: classId,
        schoolId: 'school-1',
        name: 'K Blue',
        teacherIds: [],
        templateTargetIds: TARGETS,
        language: 'en',
        schoolYear: '2026–2027',
      },
    },
  ]);
  const maya = await addStudent(store, {
    classId,
    displayName: 'Maya López',
    picture: 'cat',
    familyLanguage: 'es',
    birthDate: '2021-03-04',
  });
  const leo = await addStudent(store, { classId, displayName: 'Leo', picture: 'dog', familyLanguage: 'en' });
  const gone = await addStudent(store, { classId, displayName: 'Sam', picture: 'fox', familyLanguage: 'en' });
  await writeMany(store.db, store.env, [
    { table: 'students', recordId: gone.id, fields: { archived: true } },
    ...[maya, leo, gone].map((s) => ({
      table: 'paths' as const,
      recordId: s.id,
      fields: {
        id: s.id,
        studentId: s.id,
        entries: TARGETS.map((targetId) => ({ targetId, plannedDate: '2027-05-01' })),
      },
    })),
  ]);
  const evidence = (studentId: string, targetId: string, level: number, day: number) =>
    recordEvidence(store, {
      studentId,
      targetIds: [targetId],
      kind: 'observation',
      observedAt: new Date(Date.UTC(2027, 4, day)).toISOString(),
      recordedBy: teacher,
      level,
    });
  await evidence(maya.id, 'yt-1', 3, 2);
  await evidence(maya.id, 'yt-2', 2, 3);
  await evidence(leo.id, 'yt-1', 1, 4);
  await evidence(gone.id, 'yt-1', 4, 5);
  return { classId, studentIds: [maya.id, leo.id, gone.id] };
}

/** What a child carries, decided by the rules as the New school year screen decides it. */
export async function carryOf(store: Store, studentId: string, template: readonly string[] = TARGETS) {
  const data = await loadStudentProgressData(store, studentId);
  if (!data) throw new Error(`no student ${studentId}`);
  return carryStatus(data, new Date(store.env.now()), template);
}
