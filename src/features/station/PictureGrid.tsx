import { memo, useEffect, useState } from 'react';
import type { StudentRecord } from '#db';
import { toLanguage, translate } from '#i18n';
import { Icon } from '#ui/Icon.tsx';
import { Picture } from '#ui/Picture.tsx';
import { ICONS, pictureNameKey, type IconName } from '#ui/pictures.ts';
import { warmIcons } from '#ui/warm-drawings.ts';
import { useT } from '#ui/useT.ts';
import { LeaveStationDialog } from './LeaveStationDialog.tsx';
import { SpeakButton } from './SpeakButton.tsx';

/** One big picture per child of the station's class; first names under them when the teacher wants. */
export function PictureGrid(props: {
  students: readonly StudentRecord[];
  showNames: boolean;
  isNotYou: boolean;
  onChoose(studentId: string): void;
}) {
  const { t, language } = useT();
  const [isLeaving, setIsLeaving] = useState(false);
  // While children find their picture, the drawings of the screens after it get ready.
  useEffect(() => warmIcons(Object.keys(ICONS) as IconName[]), []);
  const title = t('kiosk.grid.title');
  return (
    <section className="kiosk kiosk-grid" aria-labelledby="kiosk-grid-title">
      <div className="kiosk-title-row">
        <h1 id="kiosk-grid-title">{title}</h1>
        <SpeakButton
          text={title}
          language={language}
          caption={t('kiosk.hear')}
          label={t('kiosk.hearLabel', { text: title })}
        />
      </div>
      {props.isNotYou ? (
        <p role="status" className="kiosk-notice">
          <Icon name="smile" className="icon kiosk-notice-icon" /> {t('kiosk.grid.notYou')}
        </p>
      ) : null}
      {props.students.length === 0 ? <p>{t('kiosk.grid.empty')}</p> : null}
      <ChildPictures students={props.students} showNames={props.showNames} onChoose={props.onChoose} />
      <button type="button" className="kiosk-teacher secondary" onClick={() => setIsLeaving(true)}>
        <Icon name="lock" className="icon kiosk-back-icon" /> {t('kiosk.leave.open')}
      </button>
      {isLeaving ? <LeaveStationDialog onCancel={() => setIsLeaving(false)} /> : null}
      {/* The drawings' licence asks for credit where they are used (public/drawings/LICENSE.txt). */}
      <p className="kiosk-credit">{t('pictures.credit')}</p>
    </section>
  );
}

/**
 * Memoised: a class of 30 pictures should not re-render when a notice appears. Under each picture, the
 * child's first name when the teacher shows names, else the picture's name in the child's own language.
 */
const ChildPictures = memo(function ChildPictures(props: {
  students: readonly StudentRecord[];
  showNames: boolean;
  onChoose(studentId: string): void;
}) {
  const { t } = useT();
  return (
    <ul className="kiosk-pictures" aria-labelledby="kiosk-grid-title">
      {props.students.map((s) => {
        const firstName = s.displayName.split(' ')[0] ?? s.displayName;
        const childLanguage = toLanguage(s.familyLanguage);
        return (
          <li key={s.id}>
            <button
              type="button"
              className="kiosk-picture"
              aria-label={
                props.showNames
                  ? t('kiosk.grid.childLabel', { name: firstName, picture: t(pictureNameKey(s.picture)) })
                  : undefined
              }
              onClick={() => props.onChoose(s.id)}
            >
              <Picture id={s.picture} className="picture kiosk-glyph" />
              {props.showNames ? (
                <span className="kiosk-name">{firstName}</span>
              ) : (
                <span className="kiosk-name" lang={childLanguage}>
                  {translate(childLanguage, pictureNameKey(s.picture))}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
});
