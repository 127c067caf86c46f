import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ACTIVE_CLASS_KEY,
  enterStationMode,
  getActiveClass,
  getSetting,
  getStationSettings,
  leaveStationMode,
  listStudents,
  loadStudentProgressData,
  seedFirstRun,
  type Store,
  type StudentRecord,
} from '#db';
import { toLanguage, translate } from '#i18n';
import StationPage, { type StationPageProps } from '#features/station/StationPage.tsx';
import type { AudioDevices } from '#ui/capture/index.ts';
import { evaluateProgress } from '#ui/progress-input.ts';
import { onSpeak, type SpeechRequest } from '#ui/speech.ts';
import { fakeRecorder } from '#tests/helpers/fake-recorder.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

const PIN = '2468';

async function seededStore() {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  return { store, students: await listStudents(store, classId) };
}

/** A recorder that "records" a few fixed bytes, so tests need no microphone. */
const fakeAudio: AudioDevices = {
  getMicrophone: async () => ({ getTracks: () => [] }) as unknown as MediaStream,
  createRecorder: () => fakeRecorder('audio/webm'),
};

function renderStation(store: Store, props: StationPageProps = {}) {
  const spoken: SpeechRequest[] = [];
  const stop = onSpeak((request) => spoken.push(request));
  renderWithStore(<StationPage random={() => 0.42} audioDevices={fakeAudio} {...props} />, store, {
    route: '/station',
  });
  return { spoken, stop, user: userEvent.setup() };
}

async function startStation(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText(/Choose a teacher PIN/), PIN);
  await user.type(screen.getByLabelText('Type the PIN again'), PIN);
  await user.click(screen.getByRole('button', { name: 'Start the station' }));
  return screen.findByRole('heading', { level: 1, name: 'Who are you? Find your picture.' });
}

async function signIn(user: ReturnType<typeof userEvent.setup>, student: StudentRecord) {
  const grid = screen.getByRole('list', { name: /Who are you/ });
  await user.click(within(grid).getByRole('button', { name: new RegExp(`^${student.displayName},`) }));
  return { choices: screen.getByRole('list', { name: /Is it you|Eres tú/ }) };
}

describe('station mode', () => {
  // jsdom's Blob hands out ArrayBuffers from another realm, which Node's crypto.subtle (used by putBlob)
  // refuses; browsers have one realm. Node's own Blob behaves like the browser's here.
  beforeEach(() => vi.stubGlobal('Blob', NodeBlob));
  afterEach(() => vi.unstubAllGlobals());

  it('needs a PIN of at least 4 digits, typed twice, to start', async () => {
    const { store } = await seededStore();
    const { user, stop } = renderStation(store);
    await user.type(await screen.findByLabelText(/Choose a teacher PIN/), '12');
    await user.type(screen.getByLabelText('Type the PIN again'), '12');
    await user.click(screen.getByRole('button', { name: 'Start the station' }));
    expect(screen.getByRole('alert')).toHaveTextContent('at least 4 digits');
    await user.type(screen.getByLabelText(/Choose a teacher PIN/), '34');
    await user.type(screen.getByLabelText('Type the PIN again'), '35');
    await user.click(screen.getByRole('button', { name: 'Start the station' }));
    expect(screen.getByRole('alert')).toHaveTextContent('not the same');
    expect((await getStationSettings(store)).isOn).toBe(false);
    stop();
  });

  it('stores only a salted hash of the PIN, and leaving needs the right PIN', async () => {
    const { store, students } = await seededStore();
    const { user, stop } = renderStation(store);
    await startStation(user);
    const settings = await getStationSettings(store);
    expect(settings.isOn).toBe(true);
    expect(JSON.stringify(settings)).not.toContain(PIN);
    expect(within(screen.getByRole('list', { name: /Who are you/ })).getAllByRole('button')).toHaveLength(
      students.length,
    );

    await user.click(screen.getByRole('button', { name: 'Teacher: leave the station' }));
    const dialog = screen.getByRole('dialog', { name: 'Leave the station' });
    await user.type(within(dialog).getByLabelText('Teacher PIN'), '0000');
    await user.click(within(dialog).getByRole('button', { name: 'Leave' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('That PIN is not right');
    expect((await getStationSettings(store)).isOn).toBe(true);

    await user.type(within(dialog).getByLabelText('Teacher PIN'), PIN);
    await user.click(within(dialog).getByRole('button', { name: 'Leave' }));
    expect(await screen.findByRole('heading', { name: 'Station mode' })).toBeInTheDocument();
    expect((await getStationSettings(store)).isOn).toBe(false);

    // Next time the same PIN is asked for once; a wrong one says so.
    await user.type(screen.getByLabelText('Teacher PIN'), '1111');
    await user.click(screen.getByRole('button', { name: 'Start the station' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That PIN is not right');
    stop();
  });

  it('changes the PIN outside station mode only with the current PIN', async () => {
    const { store } = await seededStore();
    await enterStationMode(store, { classId: (await getActiveClass(store))!.id, pin: PIN, showNames: true });
    await leaveStationMode(store, PIN);
    const { user, stop } = renderStation(store);
    await user.click(await screen.findByText('Change the teacher PIN'));
    const form = screen.getByRole('form', { name: 'Change the teacher PIN' });
    await user.type(within(form).getByLabelText('Current PIN'), '0000');
    await user.type(within(form).getByLabelText(/Choose a teacher PIN/), '8642');
    await user.type(within(form).getByLabelText('Type the PIN again'), '8642');
    await user.click(within(form).getByRole('button', { name: 'Change the PIN' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('That PIN is not right');

    await user.type(within(form).getByLabelText('Current PIN'), PIN);
    await user.click(within(form).getByRole('button', { name: 'Change the PIN' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('The PIN is changed');
    expect(
      await enterStationMode(store, { classId: (await getActiveClass(store))!.id, pin: PIN, showNames: true }),
    ).toBe('wrong');
    expect(await leaveStationMode(store, '8642')).toBe('ok');
    stop();
  });

  it('a wrong confirming picture goes back to the grid without signing in', async () => {
    const { store, students } = await seededStore();
    const { user, stop, spoken } = renderStation(store);
    await startStation(user);
    const child = students.find((s) => s.familyLanguage === 'es')!;
    const { choices } = await signIn(user, child);
    const buttons = within(choices).getAllByRole('button');
    expect(buttons).toHaveLength(4);
    // The child's family speaks Spanish, so the question is asked in Spanish, after the picture's name.
    const ownName = pictureName(child);
    expect(spoken).toContainEqual({ text: `${ownName}. ¿Eres tú? Busca tu dibujo otra vez.`, language: 'es' });
    // Each picture has its name under it, in the child's language.
    expect(within(choices).getAllByRole('button', { name: ownName })).toHaveLength(1);
    for (const button of buttons)
      expect(button.querySelector('img')).toHaveAttribute('src', expect.stringMatching(/^\/drawings\//));
    await user.click(buttons.find((b) => b.textContent !== ownName)!);

    expect(await screen.findByRole('heading', { name: /Who are you/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('That was not your picture');
    expect(spoken.at(-1)?.text).toMatch(/not your picture/);
    expect(screen.queryByTestId('station-target')).not.toBeInTheDocument();
    stop();
  });

  it('signs a Spanish-family child in, speaks the target in Spanish, saves a voice clip and a feeling for review', async () => {
    const { store, students } = await seededStore();
    const { user, stop, spoken } = renderStation(store);
    await startStation(user);
    const child = students.find((s) => s.familyLanguage === 'es')!;
    const idsBefore = new Set(await store.db.evidence.toCollection().primaryKeys());
    const { choices } = await signIn(user, child);
    await user.click(within(choices).getByRole('button', { name: pictureName(child) }));

    const statement = await screen.findByTestId('station-target');
    await waitFor(() => expect(spoken.at(-1)).toEqual({ text: statement.textContent, language: 'es' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(child.displayName);
    expect(screen.getByText('Estoy trabajando en:')).toBeInTheDocument();
    // No sign-out control other than "all done" on the home; no teacher controls at all.
    expect(screen.queryByRole('button', { name: /leave the station/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: `Escuchar: ${statement.textContent}` }));
    expect(spoken.at(-1)?.language).toBe('es');

    await user.click(screen.getByRole('button', { name: /Mostrar lo que sé hacer/ }));
    expect(screen.queryByRole('button', { name: /Terminé/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Grabar mi voz/ }));
    // The recorder speaks the child's language too, though the tablet's is English.
    await user.click(screen.getByRole('button', { name: 'Grabar' }));
    await user.click(await screen.findByRole('button', { name: 'Parar' }));
    await waitFor(() =>
      expect(spoken.at(-1)).toEqual({ text: expect.stringMatching(/^Grabado \d+ s\./), language: 'es' }),
    );
    expect(screen.getByRole('button', { name: 'Oír' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Grabar de nuevo' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Guardar esta grabación' }));
    expect(await screen.findByText(/¡Guardado!/)).toHaveAttribute('role', 'status');

    await user.click(screen.getByRole('button', { name: /¿Cómo me siento\?/ }));
    await user.click(screen.getByRole('button', { name: /¡Sí puedo!/ }));
    expect(await screen.findByText(/¡Guardado!/)).toHaveAttribute('role', 'status');

    const saved = await store.db.evidence.filter((e) => !idsBefore.has(e.id)).toArray();
    expect(saved.map((e) => e.kind).sort()).toEqual(['selfAssessment', 'workSample']);
    for (const e of saved) expect(e.recordedBy).toEqual({ kind: 'student', id: child.id });
    expect(saved.find((e) => e.kind === 'selfAssessment')?.feeling).toBe(3);
    const clipId = saved.find((e) => e.kind === 'workSample')?.blobIds?.[0];
    expect(clipId && (await store.db.blobs.get(clipId))?.mime).toBe('audio/webm');
    // Two new records, both the child's own, waiting for review: nothing was written for anyone else.
    expect(saved.every((e) => e.studentId === child.id && e.needsReview === true)).toBe(true);

    await user.click(screen.getByRole('button', { name: /Terminé/ }));
    expect(await screen.findByRole('heading', { name: /Who are you/ })).toBeInTheDocument();
    stop();
  });

  it('returns to the grid after the idle time on the home screen, but not during an activity', async () => {
    const { store, students } = await seededStore();
    // Long enough that a busy machine still gets from one step to the next within it.
    const { user, stop } = renderStation(store, { idleMs: 2000 });
    await startStation(user);
    const child = students.find((s) => s.familyLanguage === 'en')!;
    const { choices } = await signIn(user, child);
    await user.click(within(choices).getByRole('button', { name: pictureName(child) }));
    await screen.findByTestId('station-target');

    await user.click(screen.getByRole('button', { name: /How do I feel about it/ }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 2500)));
    expect(screen.getByRole('heading', { name: 'How do you feel about it?' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /Go back/ }));
    expect(await screen.findByTestId('station-target')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: /Who are you/ }, { timeout: 6000 })).toBeInTheDocument();
    stop();
  });

  it('gives every control an accessible name and hides first names when the teacher says so', async () => {
    const { store, students } = await seededStore();
    const { user, stop } = renderStation(store);
    await user.click(await screen.findByLabelText('Show first names under the pictures'));
    await startStation(user);
    const grid = screen.getByRole('list', { name: /Who are you/ });
    for (const s of students) expect(within(grid).queryByText(s.displayName)).not.toBeInTheDocument();
    // Each picture's name in the child's own language stands under it instead.
    for (const s of students) expect(within(grid).getByRole('button', { name: pictureName(s) })).toBeInTheDocument();
    // The drawings' licence is credited where they are used.
    expect(screen.getByText('Pictures: OpenMoji (openmoji.org), CC BY-SA 4.0')).toBeInTheDocument();
    for (const button of screen.getAllByRole('button')) expect(button).toHaveAccessibleName();
    stop();
  });
});

describe('read-aloud clips', () => {
  beforeEach(() => vi.stubGlobal('Blob', NodeBlob));
  afterEach(() => vi.unstubAllGlobals());

  it('lets the teacher record a target statement for a family language the tablet has no voice for', async () => {
    const { store, students } = await seededStore();
    const { user, stop } = renderStation(store);
    const panel = await screen.findByRole('region', { name: 'Read-aloud clips' });
    expect(within(panel).getByText(/Spanish: no voice on this tablet/)).toBeInTheDocument();
    await user.selectOptions(within(panel).getByLabelText('Language of the clip'), 'es');
    await user.click(within(panel).getByRole('button', { name: /Record/ }));
    await user.click(await within(panel).findByRole('button', { name: /Stop/ }));
    await user.click(await within(panel).findByRole('button', { name: /Keep this recording/ }));
    expect(await within(panel).findByText(/Clip saved for: Puedo/)).toBeInTheDocument();
    const clipKeys = (await store.db.settings.toArray()).filter((row) => row.key.startsWith('station.clip.'));
    expect(clipKeys).toHaveLength(1);
    expect(clipKeys[0]!.key).toMatch(/\.es$/);
    // By default the clip is for a target Spanish-speaking children are working on now.
    const current = await Promise.all(
      students
        .filter((s) => s.familyLanguage === 'es')
        .map(async (s) => evaluateProgress((await loadStudentProgressData(store, s.id))!, new Date()).currentTargetId),
    );
    expect(current.map((id) => `station.clip.${id}.es`)).toContain(clipKeys[0]!.key);
    stop();
  });
});

/** The picture's name on the confirming screen, which speaks the child's family language. */
function pictureName(student: StudentRecord): string {
  return translate(toLanguage(student.familyLanguage), `picture.${student.picture}`);
}
