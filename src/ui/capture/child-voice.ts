import type { Language } from '#i18n';

/**
 * How a capture component speaks to a child who cannot read yet (the station): every word in the signed-in
 * child's language, which may not be the tablet's, each step said aloud, and a Hear button to say it again.
 * Teachers' screens pass none, and the component speaks the tablet's language in writing only.
 */
export interface ChildVoice {
  readonly language: Language;
  /** Says a sentence aloud in `language`. */
  readAloud(text: string): void;
}
