import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listStationStudents, useStore, type StudentRecord } from '#db';
import { toLanguage, translate, type Language } from '#i18n';
import type { AudioDevices } from '#ui/capture/index.ts';
import { pictureNameKey } from '#ui/pictures.ts';
import { speak } from '#ui/speech.ts';
import { useT } from '#ui/useT.ts';
import { useSyncController } from '#state/sync-controller.ts';
import { ChildSession } from './ChildSession.tsx';
import { ConfirmPicture } from './ConfirmPicture.tsx';
import { loadChildHome } from './load-child-home.ts';
import { PictureGrid } from './PictureGrid.tsx';
import { childLanguageTag, pickConfirmChoices, type ChildHomeView } from './station-view.ts';

type Screen =
  | { readonly kind: 'grid'; readonly isNotYou: boolean }
  | {
      readonly kind: 'confirm';
      readonly choices: readonly StudentRecord[];
      readonly chosenId: string;
      readonly language: Language;
    }
  | { readonly kind: 'child'; readonly view: ChildHomeView };

const GRID: Screen = { kind: 'grid', isNotYou: false };

/** The locked station: picture grid → confirming picture → the signed-in child's session → grid. */
export function StationKiosk(props: {
  showNames: boolean;
  idleMs: number;
  random: () => number;
  now: () => Date;
  audioDevices: AudioDevices | undefined;
}) {
  const { t, language } = useT();
  const store = useStore();
  const sync = useSyncController();
  const students = useLiveQuery(() => listStationStudents(store), [store]);
  const [screen, setScreen] = useState<Screen>(GRID);
  // The home starts loading at the first tap, so it is ready when the child confirms.
  const preloaded = useRef<{ id: string; view: Promise<ChildHomeView | null> } | null>(null);

  if (students === undefined) return <p role="status">{t('common.loading')}</p>;

  const choose = (studentId: string) => {
    preloaded.current = { id: studentId, view: loadChildHome(store, studentId, props.now(), language) };
    // The question is asked in the tapped child's family language, the one they understand best.
    const chosen = students.find((s) => s.id === studentId);
    const childLanguage = toLanguage(chosen ? childLanguageTag(chosen, language) : language);
    const choices = pickConfirmChoices(students, studentId, props.random);
    setScreen({ kind: 'confirm', chosenId: studentId, choices, language: childLanguage });
    // The picture's name first ("owl. Is it you?"), so a child who tapped a friend's picture hears it.
    const picture = translate(childLanguage, pictureNameKey(chosen?.picture ?? ''));
    speak({ text: translate(childLanguage, 'kiosk.confirm.say', { picture }), language: childLanguage });
  };

  const confirm = async (chosenId: string, pickedId: string) => {
    if (pickedId !== chosenId) {
      preloaded.current = null;
      setScreen({ kind: 'grid', isNotYou: true });
      speak({ text: t('kiosk.grid.notYou'), language });
      return;
    }
    // A station connected to a server fetches this child's records first, but never keeps a child waiting.
    const fetched = await Promise.race([sync.stationSignIn(chosenId), wait(2000, false)]).catch(() => false);
    const pending = !fetched && preloaded.current?.id === chosenId ? preloaded.current.view : null;
    const view = await (pending ?? loadChildHome(store, chosenId, props.now(), language)).catch((error: unknown) => {
      console.error('Could not open the child’s home', error);
      return null;
    });
    preloaded.current = null;
    setScreen(view ? { kind: 'child', view } : GRID);
  };

  switch (screen.kind) {
    case 'grid':
      return (
        <PictureGrid students={students} showNames={props.showNames} isNotYou={screen.isNotYou} onChoose={choose} />
      );
    case 'confirm':
      return (
        <ConfirmPicture
          choices={screen.choices}
          onPick={(id) => void confirm(screen.chosenId, id)}
          onBack={() => {
            preloaded.current = null;
            setScreen(GRID);
          }}
          idleMs={props.idleMs}
          language={screen.language}
        />
      );
    case 'child':
      return (
        <ChildSession
          view={screen.view}
          idleMs={props.idleMs}
          onSignOut={() => {
            void sync.stationSignOut().catch(() => undefined);
            setScreen(GRID);
          }}
          audioDevices={props.audioDevices}
        />
      );
  }
}

function wait<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}
