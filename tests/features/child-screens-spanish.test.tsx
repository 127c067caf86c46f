import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Blob as NodeBlob } from 'node:buffer';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE_CLASS_KEY, getSetting, listStudents, seedFirstRun, type Store, type StudentRecord } from '#db';
import { translate } from '#i18n';
import MyPathPage from '#features/my-path/MyPathPage.tsx';
import StationPage from '#features/station/StationPage.tsx';
import { useLanguageStore } from '#state/language-store.ts';
import {
  AudioRecorder,
  DrawingPad,
  PhotoCapture,
  type AudioDevices,
  type ChildVoice,
  type CompressedImage,
} from '#ui/capture/index.ts';
import { pictureNameKey } from '#ui/pictures.ts';
import { englishLeaks } from '#tests/helpers/english-leaks.ts';
import { fakeRecorder } from '#tests/helpers/fake-recorder.ts';
import { renderWithStore } from '#tests/helpers/render.tsx';
import { testStore } from '#tests/helpers/test-store.ts';

/**
 * A child whose family speaks Spanish sees and hears only Spanish, though the tablet is set to English:
 * every child-facing screen (the station's confirming pictures, home, each activity and each step of the
 * recorder, photo and drawing, the faces; My path) is checked against every English message.
 */

/** What a screen says: every text node (hidden ones too: screen readers say them) and every label. */
function screenTexts(root: HTMLElement = document.body): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent ?? '');
  for (const element of root.querySelectorAll('[aria-label], [alt], [title], [placeholder]')) {
    for (const name of ['aria-label', 'alt', 'title', 'placeholder']) texts.push(element.getAttribute(name) ?? '');
  }
  return texts.filter((text) => text.trim() !== '');
}

const PIN = '2468';
const fakeAudio: AudioDevices = {
  getMicrophone: async () => ({ getTracks: () => [] }) as unknown as MediaStream,
  createRecorder: () => fakeRecorder('audio/webm'),
};

/** The class, a Spanish-speaking child, and the words on screen that are people's own (allowed in English). */
async function seeded(): Promise<{ store: Store; sofia: StudentRecord; names: string[] }> {
  const store = testStore();
  await seedFirstRun(store);
  const classId = (await getSetting<string>(store, ACTIVE_CLASS_KEY))!;
  const students = await listStudents(store, classId);
  const sofia = students.find((s) => s.familyLanguage === 'es')!;
  // What people wrote (children's names, a teacher's notes) is in their own words, not the app's.
  const notes = (await store.db.evidence.toArray()).map((e) => e.note ?? '').filter((note) => note !== '');
  return { store, sofia, names: [...students.map((s) => s.displayName), ...notes] };
}

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.unstubAllGlobals());

describe('child screens in the child’s language', () => {
  it('the station says nothing in English to a Spanish-speaking child on an English tablet', async () => {
    const { store, sofia, names } = await seeded();
    renderWithStore(<StationPage random={() => 0.42} audioDevices={fakeAudio} />, store, {
      route: '/station',
      language: 'en',
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Choose a teacher PIN/), PIN);
    await user.type(screen.getByLabelText('Type the PIN again'), PIN);
    await user.click(screen.getByRole('button', { name: 'Start the station' }));
    const grid = await screen.findByRole('list', { name: /Who are you/ });
    await user.click(within(grid).getByRole('button', { name: new RegExp(`^${sofia.displayName},`) }));

    const seen: string[] = [];
    const look = (where: string) => {
      expect(englishLeaks(screenTexts(), names), `English on the ${where} screen`).toEqual([]);
      seen.push(where);
    };
    const choices = screen.getByRole('list', { name: /Eres tú/ });
    look('confirm');
    await user.click(within(choices).getByRole('button', { name: translate('es', pictureNameKey(sofia.picture)) }));
    await screen.findByTestId('station-next-step');
    look('home');

    await user.click(screen.getByRole('button', { name: /Mostrar lo que sé hacer/ }));
    look('show');
    await user.click(screen.getByRole('button', { name: /Grabar mi voz/ }));
    look('voice');
    await user.click(screen.getByRole('button', { name: 'Grabar' }));
    await screen.findByRole('button', { name: 'Parar' });
    look('voice, recording');
    await user.click(screen.getByRole('button', { name: 'Parar' }));
    await screen.findByRole('button', { name: 'Guardar esta grabación' });
    look('voice, recorded');
    await user.click(screen.getByRole('button', { name: /Foto de mi trabajo/ }));
    look('photo');
    await user.click(screen.getByRole('button', { name: /Dibujarlo/ }));
    look('drawing');
    await user.click(screen.getByRole('button', { name: /Volver/ }));
    await user.click(await screen.findByRole('button', { name: /¿Cómo me siento\?/ }));
    look('faces');

    expect(seen).toHaveLength(9);
  });

  it('the recorder, the photo and the drawing speak the language their caller gives, in every step', async () => {
    useLanguageStore.setState({ language: 'en' });
    const said: string[] = [];
    const voice: ChildVoice = { language: 'es', readAloud: (text) => said.push(text) };
    const user = userEvent.setup();
    const look = (where: string) => expect(englishLeaks(screenTexts()), `English on the ${where} screen`).toEqual([]);

    const refused: AudioDevices = { ...fakeAudio, getMicrophone: () => Promise.reject(new Error('Permission denied')) };
    const recorder = render(<AudioRecorder onRecorded={() => undefined} devices={refused} forChild={voice} />);
    await user.click(screen.getByRole('button', { name: 'Grabar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('El micrófono no funciona');
    look('microphone refused');
    recorder.unmount();

    const photo: CompressedImage = { bytes: new ArrayBuffer(8), mime: 'image/webp', width: 4, height: 3 };
    const kept: CompressedImage[] = [];
    const camera = render(
      <PhotoCapture onCaptured={(p) => kept.push(p)} compress={async () => photo} forChild={voice} />,
    );
    const file = new File(['x'], 'work.jpg', { type: 'image/jpeg' });
    await user.upload(screen.getByLabelText('Tomar una foto'), file);
    expect(await screen.findByRole('img', { name: 'Vista previa de la foto' })).toBeInTheDocument();
    look('photo preview');
    await user.click(screen.getByRole('button', { name: 'Escuchar' }));
    expect(said.at(-1)).toBe('¿Es esta tu foto? Guárdala o tómala otra vez.');
    camera.unmount();

    const broken = render(
      <PhotoCapture onCaptured={() => undefined} compress={() => Promise.reject(new Error('bad'))} forChild={voice} />,
    );
    await user.upload(screen.getByLabelText('Tomar una foto'), file);
    expect(await screen.findByRole('alert')).toHaveTextContent('Esta foto no funcionó');
    look('photo failed');
    broken.unmount();

    const exportDrawing = async () => ({ bytes: new ArrayBuffer(4), mime: 'image/png' });
    render(<DrawingPad onDrawn={() => undefined} exportDrawing={exportDrawing} forChild={voice} />);
    const canvas = screen.getByRole('img', { name: /Área de dibujo/ });
    act(() => {
      canvas.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 5, clientY: 5 }));
      canvas.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    });
    await user.click(screen.getByRole('button', { name: 'Guardar este dibujo' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Dibujo guardado.'));
    look('drawing kept');
  });

  it('My path speaks the student’s family language, on an English tablet', async () => {
    const { store, sofia, names } = await seeded();
    renderWithStore(
      <Routes>
        <Route path="/my-path/:studentId" element={<MyPathPage />} />
      </Routes>,
      store,
      { route: `/my-path/${sofia.id}`, language: 'en' },
    );
    await screen.findByRole('heading', { level: 1, name: new RegExp(`: ${sofia.displayName}$`) });
    expect(englishLeaks(screenTexts(), names)).toEqual([]);
  });
});
