import { useEffect } from 'react';
import type { NextStepKind } from '#rules';
import { Icon } from '#ui/Icon.tsx';
import { Picture } from '#ui/Picture.tsx';
import { targetIconName, type IconName } from '#ui/pictures.ts';
import { speak, type SpeechRequest } from '#ui/speech.ts';
import type { ChildText } from './child-text.ts';
import { SpeakButton } from './SpeakButton.tsx';
import type { ChildHomeView } from './station-view.ts';
import { useIdleTimeout } from './useIdleTimeout.ts';

const TILES = [
  { activity: 'show', icon: 'star', label: 'kiosk.tile.show' },
  { activity: 'feeling', icon: 'feel', label: 'kiosk.tile.feel' },
] as const;

/** A picture for each kind of next step, so a pre-reader can tell them apart without reading. */
const NEXT_STEP_ICONS: Readonly<Record<NextStepKind, IconName>> = {
  practiseItems: 'pencil',
  showAgain: 'repeat',
  readyForNext: 'party',
  talkToTeacher: 'teacher',
  start: 'sprout',
  keepPractising: 'muscle',
  allDone: 'trophy',
  noPath: 'teacher',
};

/** The child's home: what I am working on (read aloud), my next step, and a few big tiles. */
export function ChildHome(props: {
  view: ChildHomeView;
  ct: ChildText;
  idleMs: number;
  /** Said once when the home appears: the "I can" statement at sign-in, "saved" after an activity. */
  announcement: SpeechRequest | null;
  notice: string | null;
  onStart(activity: (typeof TILES)[number]['activity']): void;
  onDone(): void;
}) {
  const { view, ct } = props;
  const { target, nextStep } = view;
  useIdleTimeout(props.idleMs, props.onDone);
  useEffect(() => {
    if (props.announcement) speak(props.announcement);
  }, [props.announcement]);
  const hear = ct('kiosk.hear');
  const tilesTitle = ct('kiosk.home.tiles');
  const tileLabels = [...(target ? TILES.map((tile) => ct(tile.label)) : []), ct('kiosk.tile.done')];

  return (
    <section
      className="kiosk kiosk-home"
      lang={view.uiLanguage}
      aria-labelledby="kiosk-home-title"
      data-station-home=""
    >
      <h1 id="kiosk-home-title" className="kiosk-child">
        <Picture id={view.picture} className="picture kiosk-glyph-small" /> {view.firstName}
      </h1>
      {props.notice ? (
        <p role="status" className="kiosk-notice">
          {props.notice}
        </p>
      ) : null}
      <div className="kiosk-card kiosk-target">
        <Icon
          name={target ? targetIconName(target.icon) : NEXT_STEP_ICONS[nextStep.kind]}
          className="icon kiosk-target-icon"
        />
        <div>
          <p className="kiosk-label">{ct('kiosk.home.working')}</p>
          <p className="kiosk-statement" lang={target?.language} data-testid="station-target">
            {target ? target.statement : ct('kiosk.home.noTarget')}
          </p>
        </div>
        {target ? (
          <SpeakButton
            text={target.statement}
            language={target.language}
            clip={target.clip}
            caption={hear}
            label={ct('kiosk.hearLabel', { text: target.statement })}
          />
        ) : null}
      </div>
      <div className="kiosk-card kiosk-next">
        <Icon name={NEXT_STEP_ICONS[nextStep.kind]} className="icon kiosk-target-icon" />
        <div>
          <p className="kiosk-label">{ct('kiosk.home.next')}</p>
          <p data-testid="station-next-step">{nextStep.text}</p>
        </div>
        <SpeakButton
          text={nextStep.text}
          language={view.uiLanguage}
          caption={hear}
          label={ct('kiosk.hearLabel', { text: nextStep.text })}
        />
      </div>
      <div className="kiosk-title-row">
        <h2 id="kiosk-tiles-title">{tilesTitle}</h2>
        <SpeakButton
          text={[tilesTitle, ...tileLabels].join(' ')}
          language={view.uiLanguage}
          caption={hear}
          label={ct('kiosk.hearLabel', { text: tilesTitle })}
        />
      </div>
      <ul className="kiosk-tiles" aria-labelledby="kiosk-tiles-title">
        {target
          ? TILES.map((tile) => (
              <li key={tile.activity}>
                <button type="button" className="kiosk-tile" onClick={() => props.onStart(tile.activity)}>
                  <Icon name={tile.icon} className="icon kiosk-tile-icon" />
                  {ct(tile.label)}
                </button>
              </li>
            ))
          : null}
        <li>
          <button type="button" className="kiosk-tile kiosk-tile-done" onClick={props.onDone}>
            <Icon name="bye" className="icon kiosk-tile-icon" />
            {ct('kiosk.tile.done')}
          </button>
        </li>
      </ul>
    </section>
  );
}
