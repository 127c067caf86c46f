/**
 * Read-aloud for pre-readers. One small interface so tests and the station can observe what was said,
 * and so a teacher-recorded clip can stand in when the device has no voice for the language.
 */
export interface SpeechRequest {
  readonly text: string;
  readonly language: string;
}

type Listener = (request: SpeechRequest) => void;
const listeners = new Set<Listener>();

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
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(request.text);
  utterance.lang = request.language;
  utterance.rate = 0.9;
  speechSynthesis.speak(utterance);
}
