import { useEffect } from 'react';
import { formatBytes } from '../format-bytes.ts';
import { Icon } from '../Icon.tsx';
import { useT } from '../useT.ts';
import { HearButton } from './CaptureButton.tsx';
import type { ChildVoice } from './child-voice.ts';

/**
 * Said before a capture when the tablet has little room left (and nothing more could move to the school
 * server), so nobody records a story that cannot be saved. A teacher reads what to do; a child sees the
 * teacher's picture and hears "ask your teacher" in their own language.
 */
export function SpaceWarning({ leftBytes, forChild }: { leftBytes: number | null; forChild?: ChildVoice | undefined }) {
  const { t, language } = useT(forChild?.language);
  const childSays = t('capture.space.lowChild');
  useEffect(() => {
    forChild?.readAloud(childSays);
  }, [forChild, childSays]);
  if (forChild) {
    return (
      <div className="space-warning space-warning-child" role="alert">
        <Icon name="teacher" className="icon capture-icon" />
        <span>{childSays}</span>
        <HearButton label={t('capture.hear')} onHear={() => forChild.readAloud(childSays)} />
      </div>
    );
  }
  return (
    <p className="space-warning" role="alert">
      {t('capture.space.low', { left: formatBytes(leftBytes ?? 0, language) })}
    </p>
  );
}
