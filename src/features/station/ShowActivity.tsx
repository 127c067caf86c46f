import { useEffect, useMemo, useState } from 'react';
import {
  AudioRecorder,
  DrawingPad,
  PhotoCapture,
  SpaceWarning,
  type AudioDevices,
  type CapturedMedia,
  type ChildVoice,
} from '#ui/capture/index.ts';
import { useCaptureRoom } from '#db';
import { Icon } from '#ui/Icon.tsx';
import { speak } from '#ui/speech.ts';
import type { ChildText } from './child-text.ts';
import type { StationEvidenceInput } from './ChildSession.tsx';
import { SpeakButton } from './SpeakButton.tsx';
import type { ChildHomeView } from './station-view.ts';

const WAYS = [
  { way: 'voice', icon: 'record', label: 'kiosk.show.voice' },
  { way: 'photo', icon: 'camera', label: 'kiosk.show.photo' },
  { way: 'draw', icon: 'crayon', label: 'kiosk.show.draw' },
] as const;
type Way = (typeof WAYS)[number]['way'];

/** "Show what I can do": record my voice, a photo of my work, or a drawing, saved as a work sample. */
export function ShowActivity(props: {
  view: ChildHomeView;
  ct: ChildText;
  onSave(input: StationEvidenceInput): Promise<void>;
  onBack(): void;
  audioDevices?: AudioDevices | undefined;
}) {
  const { ct, view } = props;
  const [way, setWay] = useState<Way | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const room = useCaptureRoom();
  const title = way ? ct(`kiosk.show.${way}.say`) : ct('kiosk.show.title');
  useEffect(() => speak({ text: title, language: view.uiLanguage }), [title, view.uiLanguage]);
  // The recorder, camera and drawing speak the child's language, whatever the tablet's is.
  const voice = useMemo<ChildVoice>(
    () => ({ language: view.uiLanguage, readAloud: (text) => speak({ text, language: view.uiLanguage }) }),
    [view.uiLanguage],
  );

  const keep = (media: CapturedMedia, durationMs?: number) => {
    setIsSaving(true);
    void props.onSave({ kind: 'workSample', media, ...(durationMs === undefined ? {} : { durationMs }) });
  };

  return (
    <section
      className={`kiosk kiosk-activity${way ? ` kiosk-activity-${way}` : ''}`}
      lang={view.uiLanguage}
      aria-labelledby="kiosk-show-title"
    >
      <div className="kiosk-title-row">
        <h1 id="kiosk-show-title">{title}</h1>
        <SpeakButton
          text={title}
          language={view.uiLanguage}
          caption={ct('kiosk.hear')}
          label={ct('kiosk.hearLabel', { text: title })}
        />
      </div>
      {/* Once a way is chosen the choices shrink to one row, so the activity has the screen. */}
      <ul className={`kiosk-ways${way ? ' kiosk-ways-chosen' : ''}`} aria-label={ct('kiosk.show.title')}>
        {WAYS.map((w) => (
          <li key={w.way}>
            <button
              type="button"
              className="kiosk-way"
              aria-pressed={way === w.way}
              disabled={isSaving}
              onClick={() => setWay(w.way)}
            >
              <Icon name={w.icon} className="icon kiosk-tile-icon" />
              {ct(w.label)}
            </button>
          </li>
        ))}
      </ul>
      {room?.isLow ? <SpaceWarning leftBytes={room.leftBytes} forChild={voice} /> : null}
      {isSaving ? <p role="status">{ct('kiosk.saving')}</p> : null}
      {!isSaving && way === 'voice' ? (
        <AudioRecorder
          label={ct('kiosk.show.voice')}
          onRecorded={(clip) => keep(clip, clip.durationMs)}
          devices={props.audioDevices}
          forChild={voice}
        />
      ) : null}
      {!isSaving && way === 'photo' ? (
        <PhotoCapture label={ct('kiosk.show.photo')} onCaptured={(p) => keep(p)} forChild={voice} />
      ) : null}
      {!isSaving && way === 'draw' ? (
        <DrawingPad label={ct('kiosk.show.draw')} onDrawn={(d) => keep(d)} forChild={voice} />
      ) : null}
      <button type="button" className="kiosk-back secondary" disabled={isSaving} onClick={props.onBack}>
        <Icon name="back" className="icon kiosk-back-icon" /> {ct('kiosk.back')}
      </button>
    </section>
  );
}
