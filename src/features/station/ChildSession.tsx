import { useMemo, useState } from 'react';
import { recordEvidenceWithMedia, saveWithRoom, StorageFullError, useStore, type NewEvidence } from '#db';
import type { AudioDevices, CapturedMedia } from '#ui/capture/index.ts';
import { whileBusy } from '#state/activity-store.ts';
import type { SpeechRequest } from '#ui/speech.ts';
import { ChildHome } from './ChildHome.tsx';
import { childText } from './child-text.ts';
import { FeelingActivity } from './FeelingActivity.tsx';
import { ShowActivity } from './ShowActivity.tsx';
import type { ChildHomeView } from './station-view.ts';

type Activity = 'home' | 'show' | 'feeling';
type Outcome = 'kiosk.saved' | 'kiosk.saveFailed' | 'kiosk.full';

/** What an activity hands over; who, which target and "waits for review" are added here, for every kind. */
export type StationEvidenceInput = Pick<NewEvidence, 'kind' | 'durationMs' | 'feeling'> & {
  /** A recording, photo or drawing, stored in the blob store before the evidence that points to it. */
  readonly media?: CapturedMedia;
};

/**
 * One child's turn at the station. Signing out happens only from the home screen (all done, or idle
 * there), never in the middle of an activity.
 */
export function ChildSession(props: {
  view: ChildHomeView;
  idleMs: number;
  onSignOut(): void;
  audioDevices?: AudioDevices | undefined;
}) {
  const { view } = props;
  const store = useStore();
  const ct = useMemo(() => childText(view.uiLanguage), [view.uiLanguage]);
  const [activity, setActivity] = useState<Activity>('home');
  const [announcement, setAnnouncement] = useState<SpeechRequest | null>(() =>
    view.target
      ? {
          text: view.target.statement,
          language: view.target.language,
          ...(view.target.clip ? { clip: view.target.clip } : {}),
        }
      : { text: view.nextStep.text, language: view.uiLanguage },
  );
  const [notice, setNotice] = useState<Outcome | null>(null);

  const save = async (input: StationEvidenceInput) => {
    const target = view.target;
    if (!target) return;
    let outcome: Outcome = 'kiosk.saved';
    try {
      const { media, ...fields } = input;
      await whileBusy(
        saveWithRoom(store, media?.bytes.byteLength ?? 0, async () => {
          await recordEvidenceWithMedia(
            store,
            {
              ...fields,
              studentId: view.studentId,
              targetIds: [target.id],
              recordedBy: { kind: 'student', id: view.studentId },
              needsReview: true,
            },
            media ? [media] : [],
          );
        }),
      );
    } catch (error) {
      // The child only hears "ask your teacher"; the teacher's console keeps the reason.
      console.error('Station evidence was not saved', error);
      outcome = error instanceof StorageFullError ? 'kiosk.full' : 'kiosk.saveFailed';
    }
    setNotice(outcome);
    setAnnouncement({ text: ct(outcome), language: view.uiLanguage });
    setActivity('home');
  };

  const backHome = () => {
    setNotice(null);
    setAnnouncement(null);
    setActivity('home');
  };

  switch (activity) {
    case 'show':
      return <ShowActivity view={view} ct={ct} onSave={save} onBack={backHome} audioDevices={props.audioDevices} />;
    case 'feeling':
      return <FeelingActivity view={view} ct={ct} onSave={save} onBack={backHome} />;
    case 'home':
      return (
        <ChildHome
          view={view}
          ct={ct}
          idleMs={props.idleMs}
          announcement={announcement}
          notice={notice ? ct(notice) : null}
          onStart={(next) => {
            setNotice(null);
            setActivity(next);
          }}
          onDone={props.onSignOut}
        />
      );
  }
}
