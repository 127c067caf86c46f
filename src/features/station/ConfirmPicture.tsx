import type { StudentRecord } from '#db';
import type { Language } from '#i18n';
import { Icon } from '#ui/Icon.tsx';
import { Picture } from '#ui/Picture.tsx';
import { pictureNameKey } from '#ui/pictures.ts';
import { childText } from './child-text.ts';
import { SpeakButton } from './SpeakButton.tsx';
import { useIdleTimeout } from './useIdleTimeout.ts';

/** "Is it you?": the child picks their own picture again out of four, so nobody lands in a friend's space. */
export function ConfirmPicture(props: {
  choices: readonly StudentRecord[];
  onPick(studentId: string): void;
  onBack(): void;
  idleMs: number;
  /** The family language of the child whose picture was tapped: they hear the question in it. */
  language: Language;
}) {
  const { language } = props;
  const t = childText(language);
  // Nobody is signed in yet, so a child who walks away leaves the grid for the next one.
  useIdleTimeout(props.idleMs, props.onBack);
  const title = t('kiosk.confirm.title');
  return (
    <section className="kiosk kiosk-confirm" lang={language} aria-labelledby="kiosk-confirm-title">
      <div className="kiosk-title-row">
        <h1 id="kiosk-confirm-title">{title}</h1>
        <SpeakButton
          text={title}
          language={language}
          caption={t('kiosk.hear')}
          label={t('kiosk.hearLabel', { text: title })}
        />
      </div>
      {/* No names here: the second look is by picture alone, each with its word in the child's language. */}
      <ul className="kiosk-pictures kiosk-pictures-confirm" aria-labelledby="kiosk-confirm-title">
        {props.choices.map((s) => (
          <li key={s.id}>
            <button type="button" className="kiosk-picture" onClick={() => props.onPick(s.id)}>
              <Picture id={s.picture} className="picture kiosk-glyph" />
              <span className="kiosk-name">{t(pictureNameKey(s.picture))}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="kiosk-back secondary" onClick={props.onBack}>
        <Icon name="back" className="icon kiosk-back-icon" /> {t('kiosk.back')}
      </button>
    </section>
  );
}
