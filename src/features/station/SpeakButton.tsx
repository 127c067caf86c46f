import { Icon } from '#ui/Icon.tsx';
import { speak, type SpeechClip } from '#ui/speech.ts';

/** A big speaker button: every instruction on a station can be heard, not only read. */
export function SpeakButton(props: {
  text: string;
  language: string;
  /** Accessible name, e.g. "Hear it: I can clap syllables", in the language of the screen. */
  label: string;
  /** The word under the speaker, e.g. "Hear it", in the language of the screen. */
  caption: string;
  clip?: SpeechClip | undefined;
}) {
  return (
    <button
      type="button"
      className="kiosk-speak"
      aria-label={props.label}
      onClick={() => speak({ text: props.text, language: props.language, ...(props.clip ? { clip: props.clip } : {}) })}
    >
      <Icon name="speaker" className="icon kiosk-speak-icon" />
      <span className="kiosk-speak-caption">{props.caption}</span>
    </button>
  );
}
