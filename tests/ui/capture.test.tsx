import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLanguageStore } from '#state/language-store.ts';
import { fakeRecorder } from '#tests/helpers/fake-recorder.ts';
import {
  AudioRecorder,
  DrawingPad,
  fitWithin,
  PhotoCapture,
  type AudioClip,
  type AudioDevices,
  type ChildVoice,
  type CompressedImage,
} from '#ui/capture/index.ts';

/** A microphone and recorder that produce a fixed clip, so the recorder's flow runs without hardware. */
function fakeDevices(): AudioDevices & { stopped: number } {
  const state = { stopped: 0 };
  const track = { stop: () => (state.stopped += 1) };
  return {
    get stopped() {
      return state.stopped;
    },
    getMicrophone: async () => ({ getTracks: () => [track] }) as unknown as MediaStream,
    createRecorder: () => fakeRecorder('audio/webm;codecs=opus'),
  };
}

beforeEach(() => {
  useLanguageStore.setState({ language: 'en' });
  URL.createObjectURL = vi.fn(() => 'blob:fake');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

describe('AudioRecorder', () => {
  it('records, plays back, and hands over the clip only when kept; the microphone is released', async () => {
    let clock = 1_000;
    const devices = fakeDevices();
    const kept: AudioClip[] = [];
    render(<AudioRecorder onRecorded={(clip) => kept.push(clip)} devices={devices} now={() => clock} />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: /Record/ }));
    expect(screen.getByRole('button', { name: /Stop/ })).toBeInTheDocument();
    clock += 3_200;
    await user.click(screen.getByRole('button', { name: /Stop/ }));

    expect(await screen.findByLabelText('Listen to the recording')).toHaveAttribute('src', 'blob:fake');
    expect(screen.getByRole('status')).toHaveTextContent('Recorded 3 s');
    expect(kept).toHaveLength(0);
    expect(devices.stopped).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Keep this recording' }));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ mime: 'audio/webm', durationMs: 3_200 });
    expect(kept[0]!.bytes.byteLength).toBe(4);
  });

  it('says why when the microphone is refused', async () => {
    const devices: AudioDevices = {
      getMicrophone: () => Promise.reject(new Error('Permission denied')),
      createRecorder: () => {
        throw new Error('unreachable');
      },
    };
    render(<AudioRecorder onRecorded={() => undefined} devices={devices} />);
    await userEvent.setup().click(screen.getByRole('button', { name: /Record/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not use the microphone: Permission denied');
  });

  it('speaks Spanish', () => {
    useLanguageStore.setState({ language: 'es' });
    render(<AudioRecorder onRecorded={() => undefined} devices={fakeDevices()} />);
    expect(screen.getByRole('button', { name: /Grabar/ })).toBeInTheDocument();
  });
});

describe('PhotoCapture', () => {
  it('compresses each chosen photo before handing it over', async () => {
    const compressed: CompressedImage = { bytes: new ArrayBuffer(2048), mime: 'image/webp', width: 1600, height: 1200 };
    const compress = vi.fn(async () => compressed);
    const photos: CompressedImage[] = [];
    render(<PhotoCapture onCaptured={(p) => photos.push(p)} compress={compress} />);
    const file = new File([new Uint8Array(5_000_000)], 'photo.jpg', { type: 'image/jpeg' });

    await userEvent.setup().upload(screen.getByLabelText(/Take or choose a photo/), file);

    await waitFor(() => expect(photos).toHaveLength(1));
    expect(compress).toHaveBeenCalledWith(file);
    expect(screen.getByRole('status')).toHaveTextContent('Photo ready (2 KB).');
  });

  it('reports a photo it cannot read', async () => {
    render(<PhotoCapture onCaptured={() => undefined} compress={() => Promise.reject(new Error('not an image'))} />);
    await userEvent
      .setup()
      .upload(screen.getByLabelText(/Take or choose a photo/), new File(['x'], 'a.jpg', { type: 'image/jpeg' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not read this photo: not an image');
  });
});

describe('fitWithin', () => {
  it.each([
    [4000, 3000, 1600, 1600, 1200],
    [3000, 4000, 1600, 1200, 1600],
    [800, 600, 1600, 800, 600],
    [1600, 1600, 1600, 1600, 1600],
  ])('%i×%i within %i → %i×%i', (w, h, max, ew, eh) => {
    expect(fitWithin(w, h, max)).toEqual({ width: ew, height: eh });
  });
});

describe('DrawingPad', () => {
  it('keeps a drawing only after something was drawn', async () => {
    const drawings: { mime: string }[] = [];
    const exportDrawing = vi.fn(async () => ({ bytes: new ArrayBuffer(10), mime: 'image/png' }));
    render(<DrawingPad onDrawn={(d) => drawings.push(d)} exportDrawing={exportDrawing} />);
    const keep = screen.getByRole('button', { name: 'Keep this drawing' });
    expect(keep).toBeDisabled();

    const canvas = screen.getByRole('img', { name: /Drawing area/ });
    act(() => {
      canvas.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 5, clientY: 5 }));
      canvas.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    });
    await userEvent.setup().click(keep);
    await waitFor(() => expect(drawings).toEqual([{ bytes: expect.any(ArrayBuffer), mime: 'image/png' }]));
    expect(screen.getByRole('status')).toHaveTextContent('Drawing kept.');
  });
});

describe('for a child who cannot read yet', () => {
  const voice = (said: string[]): ChildVoice => ({ language: 'es', readAloud: (text) => said.push(text) });
  /** The drawing and the colour class of a button: what a pre-reader tells actions apart by. */
  const look = (button: HTMLElement) => ({
    picture: button.querySelector('img')?.getAttribute('src'),
    colour: [...button.classList].find((c) => /^capture-(record|stop|listen|keep|redo|plain)$/.test(c)),
  });

  it('records with a picture and a colour for each action, in the child’s language, and says each step', async () => {
    const said: string[] = [];
    const kept: AudioClip[] = [];
    render(<AudioRecorder onRecorded={(c) => kept.push(c)} devices={fakeDevices()} forChild={voice(said)} />);
    const user = userEvent.setup();
    const record = screen.getByRole('button', { name: 'Grabar' });
    const looks = [look(record)];
    await user.click(record);
    const stop = screen.getByRole('button', { name: 'Parar' });
    looks.push(look(stop));
    await user.click(stop);
    const keep = await screen.findByRole('button', { name: 'Guardar esta grabación' });
    const listen = screen.getByRole('button', { name: 'Oír' });
    const again = screen.getByRole('button', { name: 'Grabar de nuevo' });
    looks.push(look(listen), look(keep), look(again));
    expect(new Set(looks.map((l) => l.picture)).size).toBe(5);
    expect(new Set(looks.map((l) => l.colour)).size).toBe(5);
    expect(said).toEqual([expect.stringMatching(/^Grabado \d+ s\. Escucha/)]);
    expect(kept).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Escuchar' }));
    expect(said).toHaveLength(2);
    await user.click(keep);
    expect(kept).toHaveLength(1);
  });

  it('shows the photo and hands nothing over before Keep; Retake takes another', async () => {
    const said: string[] = [];
    const photos: CompressedImage[] = [];
    const first: CompressedImage = { bytes: new ArrayBuffer(1), mime: 'image/webp', width: 1, height: 1 };
    const second: CompressedImage = { bytes: new ArrayBuffer(2), mime: 'image/webp', width: 1, height: 1 };
    const compress = vi.fn().mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    render(<PhotoCapture onCaptured={(p) => photos.push(p)} compress={compress} forChild={voice(said)} />);
    const user = userEvent.setup();
    const input = screen.getByLabelText('Tomar una foto');
    expect(input).not.toHaveAttribute('multiple');
    await user.upload(input, new File(['a'], 'a.jpg', { type: 'image/jpeg' }));

    expect(await screen.findByRole('img', { name: 'Vista previa de la foto' })).toHaveAttribute('src', 'blob:fake');
    expect(photos).toHaveLength(0);
    expect(said).toEqual(['¿Es esta tu foto? Guárdala o tómala otra vez.']);
    const keep = screen.getByRole('button', { name: 'Guardar esta foto' });
    const retake = screen.getByLabelText('Tomarla otra vez');
    expect(look(keep).colour).toBe('capture-keep');
    expect(retake.closest('fieldset')?.querySelector('label.capture-redo')).not.toBeNull();

    await user.upload(retake, new File(['b'], 'b.jpg', { type: 'image/jpeg' }));
    await waitFor(() => expect(compress).toHaveBeenCalledTimes(2));
    expect(photos).toHaveLength(0);
    await user.click(await screen.findByRole('button', { name: 'Guardar esta foto' }));
    expect(photos).toEqual([second]);
    expect(screen.getByRole('status')).toHaveTextContent('Foto guardada.');
  });

  it('names the colours in the child’s language', () => {
    render(<DrawingPad onDrawn={() => undefined} forChild={voice([])} />);
    const colours = screen.getByRole('radiogroup', { name: 'Color' });
    expect(
      within(colours)
        .getAllByRole('radio')
        .map((r) => r.textContent?.trim()),
    ).toEqual(['Negro', 'Azul', 'Rojo', 'Verde']);
  });
});
