import { afterEach, describe, expect, it, vi } from 'vitest';
import { speak, type SpokenEntry } from '#ui/speech.ts';

/** A stand-in for the browser's speech synthesis with the given voices. */
function stubSynthesis(voiceLanguages: string[]) {
  const spoken: { text: string; lang: string }[] = [];
  vi.stubGlobal('speechSynthesis', {
    getVoices: () => voiceLanguages.map((lang) => ({ lang })),
    cancel: () => undefined,
    speak: (u: { text: string; lang: string }) => spoken.push({ text: u.text, lang: u.lang }),
  });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      lang = '';
      rate = 1;
      constructor(readonly text: string) {}
    },
  );
  return spoken;
}

function stubAudio() {
  const played: string[] = [];
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:clip', revokeObjectURL: () => undefined }));
  vi.stubGlobal(
    'Audio',
    class {
      constructor(readonly src: string) {}
      addEventListener() {}
      pause() {}
      play() {
        played.push(this.src);
        return Promise.resolve();
      }
    },
  );
  return played;
}

const clip = { bytes: new ArrayBuffer(8), mime: 'audio/webm' };
const lastLogged = () => window.__waypointSpeech?.at(-1);

describe('speech', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses a device voice in the language when there is one, and logs what it said', () => {
    const spoken = stubSynthesis(['en-US', 'es-MX']);
    const events: SpokenEntry[] = [];
    const listen = (e: CustomEvent<SpokenEntry>) => events.push(e.detail);
    window.addEventListener('waypoint:speak', listen);
    speak({ text: 'Puedo aplaudir sílabas.', language: 'es', clip });
    window.removeEventListener('waypoint:speak', listen);
    expect(spoken).toEqual([{ text: 'Puedo aplaudir sílabas.', lang: 'es' }]);
    expect(lastLogged()).toMatchObject({ text: 'Puedo aplaudir sílabas.', language: 'es', output: 'voice' });
    expect(events.map((e) => e.output)).toEqual(['voice']);
  });

  it("plays the teacher's clip when the device has no voice for the language", () => {
    const spoken = stubSynthesis(['en-US']);
    const played = stubAudio();
    speak({ text: 'Puedo aplaudir sílabas.', language: 'es', clip });
    expect(played).toEqual(['blob:clip']);
    expect(spoken).toEqual([]);
    expect(lastLogged()).toMatchObject({ language: 'es', output: 'clip' });
  });

  it("falls back to the browser's default voice without a clip, and keeps a short log", () => {
    stubSynthesis([]);
    for (let i = 0; i < 60; i++) speak({ text: `line ${i}`, language: 'vi' });
    expect(lastLogged()).toMatchObject({ text: 'line 59', output: 'defaultVoice' });
    expect(window.__waypointSpeech).toHaveLength(50);
  });
});
