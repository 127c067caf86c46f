import { useEffect, useState } from 'react';
import { Icon } from '#ui/Icon.tsx';
import { speak } from '#ui/speech.ts';
import type { ChildText } from './child-text.ts';
import type { StationEvidenceInput } from './ChildSession.tsx';
import { SpeakButton } from './SpeakButton.tsx';
import type { ChildHomeView } from './station-view.ts';

/** Faces and words together (never colour alone), from "not yet" to "I can do it". */
const FEELINGS = [
  { feeling: 1, face: 'face-1', label: 'kiosk.feel.1' },
  { feeling: 2, face: 'face-2', label: 'kiosk.feel.2' },
  { feeling: 3, face: 'face-3', label: 'kiosk.feel.3' },
] as const;

/** Self-assessment by three faces: one tap saves it. */
export function FeelingActivity(props: {
  view: ChildHomeView;
  ct: ChildText;
  onSave(input: StationEvidenceInput): Promise<void>;
  onBack(): void;
}) {
  const { ct, view } = props;
  const [isSaving, setIsSaving] = useState(false);
  const title = ct('kiosk.feel.title');
  useEffect(() => speak({ text: title, language: view.uiLanguage }), [title, view.uiLanguage]);

  const choose = (feeling: 1 | 2 | 3) => {
    setIsSaving(true);
    void props.onSave({ kind: 'selfAssessment', feeling });
  };

  return (
    <section className="kiosk kiosk-activity" lang={view.uiLanguage} aria-labelledby="kiosk-feel-title">
      <div className="kiosk-title-row">
        <h1 id="kiosk-feel-title">{title}</h1>
        <SpeakButton
          text={[title, ...FEELINGS.map((f) => ct(f.label))].join(' ')}
          language={view.uiLanguage}
          caption={ct('kiosk.hear')}
          label={ct('kiosk.hearLabel', { text: title })}
        />
      </div>
      {view.target ? (
        <p className="kiosk-statement" lang={view.target.language}>
          {view.target.statement}
        </p>
      ) : null}
      <ul className="kiosk-feelings" aria-labelledby="kiosk-feel-title">
        {FEELINGS.map((f) => (
          <li key={f.feeling}>
            <button
              type="button"
              className={`kiosk-feeling kiosk-feeling-${f.feeling}`}
              disabled={isSaving}
              onClick={() => choose(f.feeling)}
            >
              <Icon name={f.face} className="icon kiosk-face" />
              {ct(f.label)}
            </button>
          </li>
        ))}
      </ul>
      {isSaving ? <p role="status">{ct('kiosk.saving')}</p> : null}
      <button type="button" className="kiosk-back secondary" disabled={isSaving} onClick={props.onBack}>
        <Icon name="back" className="icon kiosk-back-icon" /> {ct('kiosk.back')}
      </button>
    </section>
  );
}
