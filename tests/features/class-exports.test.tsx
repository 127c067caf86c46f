import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  listEvidenceForStudent,
  loadClassExportData,
  loadClassExportFrame,
  setSetting,
  writeMany,
  type FieldWrite,
  type Store,
} from '#db';
import { UTF8_BOM } from '#protocol/csv.ts';
import { streamEvidenceCsv } from '#features/backup/evidence-csv-stream.ts';
import { translate } from '#i18n';
import { DEFAULT_SCALE, type Evidence, type Target } from '#protocol';
import { parseCsv } from '#protocol/oneroster.ts';
import { gradebookIds } from '#protocol/oneroster-results.ts';
import BackupPage from '#features/backup/BackupPage.tsx';
import { buildEvidenceCsv, buildMasteryCsv } from '#features/backup/class-csv.ts';
import { buildGradebookInput } from '#features/backup/gradebook-export.ts';
import { evaluateProgress } from '#ui/progress-input.ts';
import type { Translate } from '#ui/useT.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const CASE_ID = 'c0ffee00-0000-4000-8000-000000000001';
const en: Translate = (key, params) => translate('en', key, params);
const es: Translate = (key, params) => translate('es', key, params);
const rivera = { kind: 'teacher', id: 'tch1' } as const;

const letters: Target = {
  id: 'case-letters',
  frameworkId: 'fw',
  code: 'RF.K.1',
  sequence: 1,
  strand: 'Print',
  teacherStatement: 'Name all letters',
  kidStatement: 'I can name letters',
  icon: 'abc',
  prerequisites: [],
  rule: { kind: 'score', method: { kind: 'mostRecent' } },
  caseIdentifier: CASE_ID,
  translations: { es: { teacherStatement: 'Nombrar todas las letras' } },
};
const cvc: Target = {
  id: 't-cvc',
  frameworkId: 'fw',
  code: 'RF.K.3',
  sequence: 2,
  strand: 'Phonics',
  teacherStatement: 'Read CVC words',
  kidStatement: 'I can read short words',
  icon: 'word',
  itemSetId: 'set-cvc',
  prerequisites: [],
  rule: { kind: 'itemsInOneCheck', count: 2 },
};

function evidence(
  fields: Partial<Evidence> & Pick<Evidence, 'id' | 'studentId' | 'targetIds' | 'observedAt'>,
): Evidence {
  return { kind: 'observation', recordedAt: fields.observedAt, recordedBy: rivera, ...fields };
}

/**
 * Room 1: Ana (imported from OneRoster) mastered RF.K.1 (levels 2 then 3, most recent) and works on RF.K.3
 * (1 of 2 items in her check, 2 needed); Ben skipped RF.K.1 (his only evidence was voided) and mastered
 * RF.K.3 (2 of 3 items in one check).
 */
async function roomOne(): Promise<Store> {
  const store = testStore();
  const ana = 'oneroster:STU-1';
  const ben = 'stu-2';
  const rows: FieldWrite[] = [
    { table: 'schools', recordId: 's1', fields: { id: 's1', name: 'School', scale: DEFAULT_SCALE } },
    { table: 'teachers', recordId: 'tch1', fields: { id: 'tch1', schoolId: 's1', displayName: 'Ms Rivera' } },
    {
      table: 'classes',
      recordId: 'c1',
      fields: {
        id: 'c1',
        schoolId: 's1',
        name: 'Room 1',
        teacherIds: ['tch1'],
        templateTargetIds: [letters.id, cvc.id],
        language: 'en',
      },
    },
    {
      table: 'frameworks',
      recordId: 'fw',
      fields: { id: 'fw', title: 'Tiny phonics', kind: 'academic', version: '1', notices: [] },
    },
    { table: 'targets', recordId: letters.id, fields: { ...letters } },
    { table: 'targets', recordId: cvc.id, fields: { ...cvc } },
    {
      table: 'itemSets',
      recordId: 'set-cvc',
      fields: {
        id: 'set-cvc',
        frameworkId: 'fw',
        title: 'CVC',
        items: [
          { id: 'cat', label: 'cat' },
          { id: 'map', label: 'map' },
          { id: 'sun', label: 'sun' },
        ],
      },
    },
    ...[
      { id: ana, displayName: 'Ana' },
      { id: ben, displayName: 'Ben' },
    ].map((s): FieldWrite => ({
      table: 'students',
      recordId: s.id,
      fields: { ...s, classId: 'c1', picture: 'fox', familyLanguage: 'es', archived: false },
    })),
    {
      table: 'paths',
      recordId: ana,
      fields: {
        id: ana,
        studentId: ana,
        entries: [{ targetId: letters.id, plannedDate: '2026-09-20' }, { targetId: cvc.id }],
      },
    },
    {
      table: 'paths',
      recordId: ben,
      fields: {
        id: ben,
        studentId: ben,
        entries: [{ targetId: letters.id, skippedReason: 'known' }, { targetId: cvc.id }],
      },
    },
    ...[
      evidence({
        id: 'e1',
        studentId: ana,
        targetIds: [letters.id, cvc.id],
        observedAt: '2026-09-02T10:00:00Z',
        level: 2,
        note: '=SUM(A1)',
      }),
      evidence({ id: 'e2', studentId: ana, targetIds: [letters.id], observedAt: '2026-09-05T10:00:00Z', level: 3 }),
      evidence({
        id: 'e3',
        studentId: ana,
        targetIds: [cvc.id],
        kind: 'check',
        observedAt: '2026-09-06T09:00:00Z',
        itemResults: [
          { itemId: 'cat', result: 'correct' },
          { itemId: 'map', result: 'notYet' },
          { itemId: 'sun', result: 'skipped' },
        ],
      }),
      evidence({
        id: 'e4',
        studentId: ben,
        targetIds: [cvc.id],
        kind: 'check',
        observedAt: '2026-09-07T09:00:00Z',
        recordedBy: { kind: 'student', id: ben },
        itemResults: [
          { itemId: 'cat', result: 'correct' },
          { itemId: 'map', result: 'correct' },
          { itemId: 'sun', result: 'notYet' },
        ],
      }),
      evidence({
        id: 'e5',
        studentId: ben,
        targetIds: [letters.id],
        observedAt: '2026-09-08T10:00:00Z',
        level: 1,
        recordedBy: { kind: 'teacher', id: 'someone-else' },
        voided: { reason: 'Wrong child, sorry', at: '2026-09-08T11:00:00Z', by: rivera },
      }),
    ].map((e): FieldWrite => ({ table: 'evidence', recordId: e.id, fields: { ...e } })),
  ];
  await writeMany(store.db, store.env, rows);
  await setSetting(store, 'activeClassId', 'c1');
  return store;
}

async function exportData(store: Store) {
  const data = (await loadClassExportData(store, 'c1'))!;
  const now = new Date('2026-09-10T08:30:00.000Z');
  return { data, progress: data.students.map((s) => evaluateProgress(s, now)) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('class exports', { timeout: 30_000 }, () => {
  it('writes one evidence row per piece of evidence, by student then date, with formulas defused', async () => {
    const { data } = await exportData(await roomOne());
    expect(buildEvidenceCsv(data, en, 'en').split('\r\n')).toEqual([
      'Student,Date observed,Kind,Targets,Level,Level name,Item results,Note,Recorded by,Voided',
      `Ana,2026-09-02,Observation,RF.K.1 · I can name letters; RF.K.3 · I can read short words,2,Developing,,'=SUM(A1),Teacher: Ms Rivera,`,
      'Ana,2026-09-05,Observation,RF.K.1 · I can name letters,3,Proficient,,,Teacher: Ms Rivera,',
      'Ana,2026-09-06,One-on-one check,RF.K.3 · I can read short words,,,1 of 2 right. Not yet: map.,,Teacher: Ms Rivera,',
      'Ben,2026-09-07,One-on-one check,RF.K.3 · I can read short words,,,2 of 3 right. Not yet: sun.,,Student: Ben,',
      'Ben,2026-09-08,Observation,RF.K.1 · I can name letters,1,Beginning,,,Teacher,"Voided on 2026-09-08: Wrong child, sorry"',
      '',
    ]);
  });

  it('writes the same evidence file one student at a time, byte for byte, with progress', async () => {
    const store = await roomOne();
    const { data } = await exportData(store);
    const frame = (await loadClassExportFrame(store, 'c1'))!;
    expect(frame.students.every((s) => s.evidence.length === 0)).toBe(true);
    const progress: number[] = [];
    const read: string[] = [];
    const { file, rows } = await streamEvidenceCsv(
      frame,
      (id) => {
        read.push(id);
        return listEvidenceForStudent(store, id);
      },
      en,
      'en',
      (done, total) => progress.push(done / total),
    );
    expect(rows).toBe(5);
    expect(read).toHaveLength(2);
    expect(progress).toEqual([0.5, 1]);
    const expected = new TextEncoder().encode(`${UTF8_BOM}${buildEvidenceCsv(data, en, 'en')}`);
    expect([...new Uint8Array(await file.arrayBuffer())]).toEqual([...expected]);
  });

  it('writes one mastery row per student and path target with the rules’ status, score, date and reason', async () => {
    const { data, progress } = await exportData(await roomOne());
    expect(buildMasteryCsv(data, progress, en, 'en').split('\r\n')).toEqual([
      'Student,Target,Learning target,Status,Score,Mastered on,Why,Current target',
      'Ana,RF.K.1,Name all letters,Mastered,3,2026-09-05,Mastered: the most recent of 2 checks is 3; 3 (Proficient) needed.,',
      'Ana,RF.K.3,Read CVC words,In progress,,,Not yet: the best check had 1 of 2 items correct; 2 needed.,Yes',
      'Ben,RF.K.1,Name all letters,Skipped,,,Not yet: no scored evidence; 3 (Proficient) needed.,',
      'Ben,RF.K.3,Read CVC words,Mastered,,2026-09-07,Mastered: 2 of 3 items correct in one check on 2026-09-07; 2 needed.,',
      '',
    ]);
    // In the screen's language: headers, statuses, statements and reasons.
    const spanish = parseCsv(buildMasteryCsv(data, progress, es, 'es'));
    expect(spanish[0]).toEqual([
      'Estudiante',
      'Objetivo',
      'Objetivo de aprendizaje',
      'Estado',
      'Puntuación',
      'Dominado el',
      'Por qué',
      'Objetivo actual',
    ]);
    expect(spanish[1]!.slice(0, 6)).toEqual([
      'Ana',
      'RF.K.1',
      'Nombrar todas las letras',
      'Dominada',
      '3',
      '2026-09-05',
    ]);
    expect(spanish[2]![7]).toBe('Sí');
  });

  it('gives OneRoster one result per student and target, keyed to CASE where the target came from CASE', async () => {
    const { data, progress } = await exportData(await roomOne());
    const input = buildGradebookInput(
      data,
      progress,
      { exportedAt: '2026-09-10T08:30:00.000Z', academicSessionSourcedId: 'TERM-1' },
      en,
      'en',
    );
    expect(input.categories).toEqual([{ key: 'fw', title: 'Tiny phonics' }]);
    expect(input.lineItems).toEqual([
      {
        targetId: letters.id,
        title: 'RF.K.1 · I can name letters',
        description: 'Name all letters',
        categoryKey: 'fw',
        assignDate: '2026-09-02',
        dueDate: '2026-09-20',
        resultValueMin: 0,
        resultValueMax: 4,
        caseIdentifier: CASE_ID,
      },
      {
        targetId: cvc.id,
        title: 'RF.K.3 · I can read short words',
        description: 'Read CVC words',
        categoryKey: 'fw',
        assignDate: '2026-09-02',
        dueDate: '2026-09-10',
        resultValueMin: 0,
        resultValueMax: 4,
      },
    ]);
    expect(input.results.map((r) => [r.studentId, r.targetId, r.status, r.score, r.scoreDate, r.textScore])).toEqual([
      ['oneroster:STU-1', letters.id, 'mastered', 3, '2026-09-05', 'Mastered'],
      ['oneroster:STU-1', cvc.id, 'inProgress', null, '2026-09-06', 'In progress'],
      ['stu-2', letters.id, 'skipped', null, '2026-09-10', 'Skipped'],
      ['stu-2', cvc.id, 'mastered', null, '2026-09-07', 'Mastered'],
    ]);
  });

  it('saves the spreadsheets with a BOM, and the OneRoster files once a term is given', async () => {
    const store = await roomOne();
    const saved: { name: string; blob: Blob }[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      saved.push({ name: '', blob: blob as Blob });
      return `blob:${saved.length}`;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved[saved.length - 1]!.name = this.download;
    });
    renderWithStore(<BackupPage />, store);

    await userEvent.click(await screen.findByRole('button', { name: 'Evidence (CSV)' }));
    expect(await screen.findByText('5 pieces of evidence of Room 1 exported.')).toBeInTheDocument();
    expect(saved[0]!.name).toMatch(/^Room-1-evidence-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(
      'Ana,2026-09-05,Observation,RF.K.1 · I can name letters,3,Proficient',
    );

    await userEvent.click(screen.getByRole('button', { name: 'Mastery (CSV)' }));
    expect(await screen.findByText('Mastery of 2 students of Room 1 exported.')).toBeInTheDocument();
    expect(saved[1]!.name).toMatch(/^Room-1-mastery-.*\.csv$/);

    // No term: a clear message and no files.
    await userEvent.click(screen.getByRole('button', { name: 'Prepare the OneRoster files' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Write the term’s sourcedId first');
    expect(screen.queryByRole('button', { name: 'Save results.csv' })).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Term sourcedId in the school’s system'), 'TERM-1');
    await userEvent.click(screen.getByRole('button', { name: 'Prepare the OneRoster files' }));
    expect(await screen.findByText('Ready: 4 results on 2 targets. Save each file below.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save results.csv' }));
    const results = saved.at(-1)!;
    expect(results.name).toBe('results.csv');
    const rows = parseCsv(await results.blob.text());
    expect(rows).toHaveLength(5);
    expect(rows[1]!.slice(3, 8)).toEqual([
      gradebookIds.lineItem('c1', letters.id),
      'STU-1',
      'fully graded',
      '3',
      '2026-09-05',
    ]);
    expect(screen.getByRole('button', { name: 'Save lineItemLearningObjectiveIds.csv' })).toBeInTheDocument();
  });
});
