/**
 * Read-aloud for pre-readers. One small interface so tests and the station can observe what was said,
 * and so a teacher-recorded clip can stand in when the device has no voice for the language.
 */
export interface SpeechClip {
  readonly bytes: ArrayBuffer;
  readonly mime: string;
}

export interface SpeechRequest {
  readonly text: string;
  readonly language: string;
  /** Played instead of the synthetic voice when the device has no voice for the language. */
  readonly clip?: SpeechClip;
}

/** How a request was voiced: a device voice, the teacher's clip, or the browser's default voice. */
export type SpeechOutput = 'voice' | 'clip' | 'defaultVoice' | 'silent';

export interface SpokenEntry {
  readonly text: string;
  readonly language: string;
  readonly output: SpeechOutput;
  readonly at: number;
}

declare global {
  interface Window {
    /** The last things the app said, newest last: what a screen reader audit or an e2e test can check. */
    __waypointSpeech?: SpokenEntry[];
  }
  interface WindowEventMap {
    'waypoint:speak': CustomEvent<SpokenEntry>;
  }
}

const LOG_LIMIT = 50;

type Listener = (request: SpeechRequest) => void;
const listeners = new Set<Listener>();
let playingClip: HTMLAudioElement | null = null;

export function onSpeak(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasVoiceFor(language: string): boolean {
  if (typeof speechSynthesis === 'undefined') return false;
  const base = language.toLowerCase().split('-')[0] ?? language;
  return speechSynthesis.getVoices().some((v) => v.lang.toLowerCase().startsWith(base));
}

export function speak(request: SpeechRequest): void {
  for (const listener of listeners) listener(request);
  stopSpeaking();
  const output = voice(request);
  publish({ text: request.text, language: request.language, output, at: Date.now() });
}

export function stopSpeaking(): void {
  playingClip?.pause();
  playingClip = null;
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}

function voice(request: SpeechRequest): SpeechOutput {
  const canSynthesize = typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';
  const hasVoice = hasVoiceFor(request.language);
  if (!hasVoice && request.clip && playClip(request.clip)) return 'clip';
  if (!canSynthesize) return 'silent';
  const utterance = new SpeechSynthesisUtterance(request.text);
  utterance.lang = request.language;
  utterance.rate = 0.9;
  speechSynthesis.speak(utterance);
  return hasVoice ? 'voice' : 'defaultVoice';
}

function playClip(clip: SpeechClip): boolean {
  if (typeof Audio === 'undefined' || typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(new Blob([clip.bytes], { type: clip.mime }));
  const audio = new Audio(url);
  const release = () => URL.revokeObjectURL(url);
  audio.addEventListener('ended', release, { once: true });
  audio.addEventListener('error', release, { once: true });
  playingClip = audio;
  audio.play().catch(release);
  return true;
}

/** Keeps a short log on window and announces each entry, so what was said can be observed from outside. */
function publish(entry: SpokenEntry): void {
  if (typeof window === 'undefined') return;
  const log = (window.__waypointSpeech ??= []);
  log.push(entry);
  if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
  window.dispatchEvent(new CustomEvent('waypoint:speak', { detail: entry }));
}
