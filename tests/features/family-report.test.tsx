import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  addStudent,
  getSetting,
  listStudents,
  loadStudentProgressData,
  saveConnection,
  savePath,
  seedFirstRun,
  type Store,
} from '#db';
import FamilyReportPage from '#features/family/FamilyReportPage.tsx';
import { translate } from '#i18n';
import { FamilyLinkError, FamilyLinkServiceContext, type FamilyLinkService } from '#state/family-links.ts';
import { evaluateProgress } from '#ui/progress-input.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const SERVER = 'http://school.test';

function fakeService(overrides: Partial<FamilyLinkService> = {}): FamilyLinkService {
  return {
    create: vi.fn(async () => ({ id: 'link-1', url: `${SERVER}/family/secret-token-1234567890`, serverUrl: SERVER })),
    revoke: vi.fn(async () => undefined),
    read: vi.fn(async () => {
      throw new Error('not used on the teacher page');
    }),
    readBlob: vi.fn(async () => {
      throw new Error('not used on the teacher page');
    }),
    ...overrides,
  };
}

function renderReport(store: Store, studentId: string, service = fakeService()) {
  renderWithStore(
    <FamilyLinkServiceContext.Provider value={service}>
      <Routes>
        <Route path="/family-report/:studentId" element={<FamilyReportPage />} />
      </Routes>
    </FamilyLinkServiceContext.Provider>,
    store,
    { route: `/family-report/${studentId}`, language: 'en' },
  );
  return service;
}

async function demoStore() {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  return { store, students: await listStudents(store, classId) };
}

describe('family report', () => {
  it('is in the family’s language (Spanish) while the tablet speaks English, in plain words with no scores', async () => {
    const { store, students } = await demoStore();
    const child = students.find((s) => s.familyLanguage === 'es')!;
    renderReport(store, child.id);

    const report = await screen.findByRole('article', { name: `Cómo le va a ${child.displayName}` });
    expect(report).toHaveAttribute('lang', 'es');
    // The controls around the report follow the tablet's language.
    expect(screen.getByRole('heading', { name: 'Print and share' })).toBeInTheDocument();

    const data = (await loadStudentProgressData(store, child.id))!;
    const progress = evaluateProgress(data, new Date());
    const byId = new Map(data.targets.map((t) => [t.id, t]));
    const spanish = (id: string) => byId.get(id)!.translations!['es']!.kidStatement!;

    const masteredIds = progress.targets.filter((p) => p.status === 'mastered').map((p) => p.targetId);
    expect(masteredIds.length).toBeGreaterThan(0);
    const mastered = within(report).getByRole('list', { name: `Metas que ${child.displayName} ya aprendió` });
    expect(
      within(mastered)
        .getAllByRole('listitem')
        .map((li) => li.textContent?.replace('✓', '').trim()),
    ).toEqual(masteredIds.map(spanish));
    expect(report).toHaveTextContent(
      `${child.displayName} ya aprendió ${masteredIds.length} de las ${progress.neededCount} metas`,
    );

    const currentId = progress.currentTargetId!;
    expect(within(report).getByTestId('family-current')).toHaveTextContent(spanish(currentId));
    // The rules' family sentence, in Spanish, naming the target in Spanish (its full stop left to the sentence).
    const family = progress.nextStep.family;
    expect(within(report).getByTestId('family-next-step')).toHaveTextContent(
      translate('es', family.key, { ...family.params, target: spanish(currentId).replace(/\.$/, '') }),
    );
    expect(within(report).getByTestId('family-next-step')).not.toHaveTextContent(
      translate('en', family.key, { ...family.params, target: byId.get(currentId)!.kidStatement }),
    );

    const notKnown = progress.byTargetId[currentId]!.items.filter((i) => i.state !== 'known').map((i) => i.label);
    expect(notKnown.length).toBeGreaterThan(0);
    const cards = within(report).getByRole('list', { name: 'Tarjetas para practicar' });
    expect(
      within(cards)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(notKnown);
    expect(report).toHaveTextContent('Recorte las tarjetas por las líneas punteadas');

    // Plain words: no scores, levels or codes.
    const text = report.textContent ?? '';
    expect(text).not.toMatch(/\d[.,]\d/);
    expect(text).not.toMatch(/Proficient|Competente|Developing|score|puntuación/i);
    expect(text).not.toContain(byId.get(currentId)!.code);
  });

  it('previews another language and sets the paper size for printing', async () => {
    const { store, students } = await demoStore();
    const child = students.find((s) => s.familyLanguage === 'es')!;
    renderReport(store, child.id);
    const user = userEvent.setup();

    await screen.findByRole('article', { name: `Cómo le va a ${child.displayName}` });
    await user.selectOptions(screen.getByLabelText('Language of the report'), 'en');
    const report = await screen.findByRole('article', { name: `How ${child.displayName} is doing` });
    expect(report).toHaveAttribute('lang', 'en');
    expect(within(report).getByRole('list', { name: 'Practice cards' })).toBeInTheDocument();

    const style = () => document.querySelector('.family-report-page style')?.textContent ?? '';
    await user.click(screen.getByRole('radio', { name: 'Letter' }));
    expect(style()).toContain('size: letter portrait');
    await user.click(screen.getByRole('radio', { name: 'A4' }));
    expect(style()).toContain('size: A4 portrait');
  });

  it('says when the family’s language is not available and starts in English', async () => {
    const { store, students } = await demoStore();
    const child = await addStudent(store, {
      classId: students[0]!.classId,
      displayName: 'Amélie',
      picture: 'cat',
      familyLanguage: 'fr',
    });
    await savePath(store, child.id, [{ targetId: 'lt-names-upper' }]);
    renderReport(store, child.id);

    const report = await screen.findByRole('article', { name: 'How Amélie is doing' });
    expect(screen.getByText(/The family’s language \(fr\) is not available yet/)).toBeInTheDocument();
    // Nothing known yet: every letter is a card.
    expect(within(within(report).getByRole('list', { name: 'Practice cards' })).getAllByRole('listitem')).toHaveLength(
      26,
    );
    expect(within(report).getByText(/Nothing is marked as learned yet/)).toBeInTheDocument();
  });
});

describe('sharing with the family', () => {
  async function connectedTeacher() {
    const { store, students } = await demoStore();
    const child = await addStudent(store, {
      classId: students[0]!.classId,
      displayName: 'Lucía',
      picture: 'owl',
      familyLanguage: 'es',
    });
    await saveConnection(store, {
      baseUrl: SERVER,
      token: 'teacher-token',
      deviceTokenId: 'tok-1',
      kind: 'teacher',
      scope: { schoolId: 'school-1' },
      teacherId: 'teacher-1',
    });
    return { store, child, demoChild: students[0]! };
  }

  it('makes a link, shows the address to copy, and turns it off', async () => {
    const { store, child } = await connectedTeacher();
    const service = renderReport(store, child.id);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Make a family link' }));
    expect(await screen.findByText('The link is ready. Copy it and send it to the family.')).toBeInTheDocument();
    expect(service.create).toHaveBeenCalledWith(child.id);
    const address = screen.getByLabelText(/^Family link/);
    expect(address).toHaveValue(`${SERVER}/family/secret-token-1234567890`);

    await user.click(screen.getByRole('button', { name: 'Copy the link' }));
    expect(await navigator.clipboard.readText()).toBe(`${SERVER}/family/secret-token-1234567890`);
    expect(await screen.findByText('Link copied.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Turn off the link made / }));
    expect(await screen.findByText(/The link is turned off/)).toBeInTheDocument();
    expect(service.revoke).toHaveBeenCalledWith('link-1');
    await waitFor(() => expect(screen.queryByLabelText(/^Family link/)).not.toBeInTheDocument());
  });

  it('explains why a link cannot be made', async () => {
    const { store, child, demoChild } = await connectedTeacher();
    const service = fakeService({
      create: vi.fn(async () => {
        throw new FamilyLinkError('notOnServer', 'No such child in your scope');
      }),
    });
    renderReport(store, child.id, service);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Make a family link' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server does not know this child yet');
    expect(screen.queryByLabelText(/^Family link/)).not.toBeInTheDocument();

    // The demo class never leaves the tablet, so its children cannot be shared.
    renderReport(store, demoChild.id, service);
    expect(await screen.findByText(/demo class that stays on this tablet/)).toBeInTheDocument();
  });

  it('asks to connect to the school server first', async () => {
    const { store, students } = await demoStore();
    const child = await addStudent(store, {
      classId: students[0]!.classId,
      displayName: 'Pablo',
      picture: 'owl',
      familyLanguage: 'es',
    });
    renderReport(store, child.id);
    expect(await screen.findByText(/connect this tablet to the school server first/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Settings' })).toHaveAttribute('href', '/settings');
    expect(screen.queryByRole('button', { name: 'Make a family link' })).not.toBeInTheDocument();
  });
});
