import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addStudent,
  getActiveClass,
  listStudents,
  loadClassProgressData,
  loadStudentProgressData,
  recordDecision,
  recordEvidence,
  seedFirstRun,
  type Store,
} from '#db';
import { evaluateProgress } from '#ui/progress-input.ts';
import { summarizeStudent } from '#ui/progress-summary.ts';
import OverviewPage from '#features/overview/OverviewPage.tsx';
import { buildOverviewCsv, csvField, uniqueNames } from '#features/overview/overview-csv.ts';
import { applyOverviewFilter, buildOverviewView } from '#features/overview/overview-view.ts';
import { parseCsv } from '#protocol/csv.ts';
import { targetLabel } from '#ui/target-text.ts';
import { renderSuspendingWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const teacher = { kind: 'teacher', id: 't' } as const;

async function demoClass(): Promise<Store> {
  const store = testStore();
  // The demo's evidence is dated around the real today, so the store's clock must agree with the screen's.
  store.env.setNow(Date.now());
  await seedFirstRun(store);
  return store;
}

/**
 * The grid gives cells only to the target columns in view (see useCellWindow); a view wide enough for all
 * of them (jsdom has no layout, so the grid's scroll container reports this width) puts them all in the DOM
 * (the demo class's eight rows fit the view without one).
 */
function wideEnoughForEveryColumn() {
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(100_000);
}

describe('class overview', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows every student × target with an icon and a word in each cell, and the lists beside it', async () => {
    const store = await demoClass();
    const group = (await getActiveClass(store))!;
    const students = await listStudents(store, group.id);
    const stuck = students[0]!;
    const data = (await loadStudentProgressData(store, stuck.id))!;
    // A target scored by level, set as current by the teacher, then six tries with no new high: stalled.
    const current = data.targets.find(
      (t) => t.rule.kind === 'score' && data.path?.entries.some((e) => e.targetId === t.id),
    )!.id;
    await recordDecision(store, { studentId: stuck.id, targetId: current, kind: 'setCurrent', decidedBy: teacher });
    for (let i = 0; i < 6; i++) {
      await recordEvidence(store, {
        studentId: stuck.id,
        targetIds: [current],
        kind: 'observation',
        level: 1,
        recordedBy: teacher,
      });
    }
    await recordEvidence(store, {
      studentId: students[1]!.id,
      targetIds: [group.templateTargetIds[0]!],
      kind: 'selfAssessment',
      feeling: 3,
      needsReview: true,
      recordedBy: { kind: 'student', id: students[1]!.id },
    });
    const after = evaluateProgress((await loadStudentProgressData(store, stuck.id))!, new Date());
    expect(after.nextStep.kind).toBe('talkToTeacher');
    wideEnoughForEveryColumn();
    await renderSuspendingWithStore(<OverviewPage />, store);

    const grid = await screen.findByRole('table', { name: 'Status of each student on each learning target' });
    const rows = within(grid).getAllByRole('row');
    expect(rows).toHaveLength(students.length + 1);
    const headers = within(rows[0]!).getAllByRole('columnheader');
    expect(headers.length).toBeGreaterThan(group.templateTargetIds.length);
    expect(grid).toHaveAttribute('aria-colcount', String(headers.length));
    expect(within(rows[1]!).getAllByRole('cell')).toHaveLength(headers.length - 1);
    for (const cell of within(rows[1]!).getAllByRole('cell')) {
      expect(cell.textContent).toMatch(/^(Not started|In progress|Mastered|Skipped|Not on path)/);
      expect(cell.className).toMatch(/cell-(notStarted|inProgress|mastered|skipped|notOnPath)/);
    }
    // The lists below the grid render just after it.
    expect((await screen.findByRole('heading', { name: 'Needs help' })).parentElement).toHaveTextContent(
      stuck.displayName,
    );
    const review = screen.getByRole('heading', { name: 'Evidence waiting for review' }).parentElement!;
    expect(review).toHaveTextContent(`${students[1]!.displayName}: Self-assessment`);
    expect(screen.getByRole('heading', { name: 'Working on' }).parentElement!.textContent).toMatch(/students?:/);
  });

  it('sorts and filters students, in Spanish too', async () => {
    const store = await demoClass();
    const group = (await getActiveClass(store))!;
    const students = await listStudents(store, group.id);
    wideEnoughForEveryColumn();
    await renderSuspendingWithStore(<OverviewPage />, store, { language: 'es' });
    const grid = await screen.findByRole('table', {
      name: 'Estado de cada estudiante en cada objetivo de aprendizaje',
    });
    const names = () =>
      within(grid)
        .getAllByRole('rowheader')
        .map((th) => th.textContent);
    expect(names()).toEqual(students.map((s) => s.displayName));

    await userEvent.type(screen.getByLabelText('Buscar un estudiante'), students[2]!.displayName.slice(0, 4));
    expect(names()).toContain(students[2]!.displayName);
    expect(names().length).toBeLessThan(students.length);
    await userEvent.clear(screen.getByLabelText('Buscar un estudiante'));

    await userEvent.selectOptions(screen.getByLabelText('Ordenar estudiantes'), 'mostMastered');
    const counts = names().map(
      (name) =>
        within(grid)
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .querySelectorAll('.cell-mastered').length,
    );
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    await userEvent.selectOptions(
      screen.getByLabelText('Objetivos de'),
      screen.getByRole('option', { name: /social|socio/i }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(/y 8 objetivos/);
    expect(grid).toHaveAttribute('aria-colcount', '9');
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(9);
  });

  it('follows writes as they are committed: new evidence changes a cell, a new student adds a row', async () => {
    const store = await demoClass();
    const group = (await getActiveClass(store))!;
    const students = await listStudents(store, group.id);
    wideEnoughForEveryColumn();
    await renderSuspendingWithStore(<OverviewPage />, store);
    const grid = await screen.findByRole('table', { name: 'Status of each student on each learning target' });
    const child = students[0]!;
    const row = () => within(grid).getByRole('row', { name: new RegExp(`^${child.displayName}`) });
    // A target the child has not started, and its column.
    const untouched = [...row().querySelectorAll('td.cell-notStarted')][0]!;
    const column = untouched.getAttribute('aria-colindex')!;
    const code = within(grid)
      .getAllByRole('columnheader')
      .find((th) => th.getAttribute('aria-colindex') === column)!;
    // By code and statement: several targets share a code (RF.K.1d is both capital and lowercase letters).
    const target = (await loadStudentProgressData(store, child.id))!.targets.find(
      (t) =>
        t.code === code.querySelector('.overview-code')!.textContent &&
        t.kidStatement === code.querySelector('.overview-target-name')!.textContent,
    )!;
    await recordEvidence(store, {
      studentId: child.id,
      targetIds: [target.id],
      kind: 'observation',
      level: 1,
      recordedBy: teacher,
    });
    // A slow (shared) machine may take more than waitFor's default second to read the class again.
    await waitFor(
      () => expect(row().querySelector(`td[aria-colindex="${column}"]`)).not.toHaveClass('cell-notStarted'),
      { timeout: 15_000 },
    );

    await addStudent(store, { classId: group.id, displayName: 'Zoë New', picture: 'owl', familyLanguage: 'en' });
    expect(await within(grid).findByRole('rowheader', { name: 'Zoë New' })).toBeInTheDocument();
    expect(within(grid).getAllByRole('rowheader')).toHaveLength(students.length + 1);
  });

  it('exports CSV with statuses as words, quoting and defusing formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('Ana, María')).toBe('"Ana, María"');
    const csv = buildOverviewCsv([], [], () => '', {
      student: 'Student',
      current: 'Current',
      mastered: 'Mastered',
      lastEvidence: 'Last evidence',
      states: {
        notStarted: 'Not started',
        inProgress: 'In progress',
        mastered: 'Mastered',
        skipped: 'Skipped',
        notOnPath: '–',
      },
    });
    expect(csv).toBe('Student,Current,Mastered,Last evidence\r\n');
  });

  it('names each target column of the CSV by code and statement, every column name unique', async () => {
    const store = await demoClass();
    const group = (await getActiveClass(store))!;
    const data = await loadClassProgressData(store, group.id);
    const now = new Date();
    const view = buildOverviewView(
      group,
      data.map((d) => ({ student: d.student, summary: summarizeStudent(d, now) })),
      await store.db.targets.toArray(),
      now,
    );
    const shown = applyOverviewFilter(view, { sort: 'name', search: '', frameworkId: '', onlyNeedsHelp: false });
    const byId = new Map(view.targets.map((target) => [target.id, target]));
    const nameOf = (id: string | null) => (id && byId.has(id) ? targetLabel(byId.get(id)!, 'en') : '');
    const states = { notStarted: 'n', inProgress: 'i', mastered: 'm', skipped: 's', notOnPath: '-' } as const;
    const labels = { student: 'Student', current: 'Current', mastered: 'Mastered', lastEvidence: 'Last', states };
    const [header] = parseCsv(buildOverviewCsv(shown.columns, shown.rows, nameOf, labels));
    expect(new Set(header).size).toBe(header!.length);
    expect(header).toContain('RF.K.1d · I can name all the capital letters');
    expect(header).toContain('RF.K.1d · I can name all the lowercase letters');
    expect(uniqueNames(['A', 'A', 'B', 'A'])).toEqual(['A', 'A (2)', 'B', 'A (3)']);
  });
});
