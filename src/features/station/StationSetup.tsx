import { useId, useState, type FormEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  enterStationMode,
  getActiveClass,
  isValidPin,
  listClasses,
  MIN_PIN_DIGITS,
  unlockDevice,
  useStore,
  type StationSettings,
} from '#db';
import { useSyncActivity } from '#state/sync-controller.ts';
import type { AudioDevices } from '#ui/capture/index.ts';
import { TeacherUnlockButton } from '#ui/TeacherUnlockButton.tsx';
import { useT } from '#ui/useT.ts';
import { ChangePinForm } from './ChangePinForm.tsx';
import { PinField } from '#ui/PinField.tsx';
import { ReadAloudClips } from './ReadAloudClips.tsx';

type Problem = 'kiosk.setup.pinTooShort' | 'kiosk.setup.pinMismatch' | 'kiosk.pin.wrong' | 'kiosk.pin.locked' | null;

/**
 * The teacher's side: pick the class, set or type the PIN, and lock the tablet into the station. A tablet
 * locked to a station (`lockedClassId`) serves that class only, and offers the teacher's unlock instead.
 */
export function StationSetup({
  settings,
  lockedClassId,
  audioDevices,
}: {
  settings: StationSettings;
  /** Null on a teacher's tablet; the station's class on a tablet locked to a station. */
  lockedClassId: string | null;
  audioDevices?: AudioDevices | undefined;
}) {
  const { t } = useT();
  const store = useStore();
  const ids = useId();
  const classes = useLiveQuery(async () => {
    const [listed, active] = await Promise.all([listClasses(store), getActiveClass(store)]);
    const all = lockedClassId === null ? listed : listed.filter((c) => c.id === lockedClassId);
    // The station's last class if it still exists, else the device's active class.
    const previous = all.find((c) => c.id === settings.classId);
    return { all, preferred: previous?.id ?? active?.id ?? all[0]?.id ?? '' };
  }, [store, settings.classId, lockedClassId]);
  const [chosenClassId, setChosenClassId] = useState<string | null>(null);
  const [showNames, setShowNames] = useState(settings.showNames);
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [isBusy, setIsBusy] = useState(false);
  const isSyncing = useSyncActivity((s) => s.syncing);
  const isNewPin = settings.pin === null;

  if (classes === undefined) return <p role="status">{t('common.loading')}</p>;
  const classId = lockedClassId ?? chosenClassId ?? classes.preferred;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isNewPin && !isValidPin(pin)) return setProblem('kiosk.setup.pinTooShort');
    if (isNewPin && pin !== pinAgain) return setProblem('kiosk.setup.pinMismatch');
    setIsBusy(true);
    const check = await enterStationMode(store, { classId, pin, showNames });
    // On success this screen unmounts (the station settings change); only a refused PIN stays here.
    if (check !== 'ok') {
      setIsBusy(false);
      setPin('');
      setProblem(check === 'locked' ? 'kiosk.pin.locked' : 'kiosk.pin.wrong');
    }
  };

  return (
    <section className="page kiosk-setup" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>{t('kiosk.setup.title')}</h1>
      <p>{t('kiosk.setup.intro')}</p>
      {classes.all.length === 0 ? (
        <p role="status">
          {t(
            lockedClassId === null
              ? 'kiosk.setup.noClass'
              : isSyncing
                ? 'roles.fetchingClass'
                : 'roles.waitingForClass',
          )}
        </p>
      ) : (
        <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-title`}>
          {lockedClassId === null ? (
            <>
              <label htmlFor={`${ids}-class`}>{t('kiosk.setup.class')}</label>
              <select id={`${ids}-class`} value={classId} onChange={(e) => setChosenClassId(e.target.value)}>
                {classes.all.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <p className="station-class">{t('roles.stationFor', { class: classes.all[0]?.name ?? '' })}</p>
          )}
          <label className="checkbox-label">
            <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} />{' '}
            {t('kiosk.setup.showNames')}
          </label>
          <PinField label={t(isNewPin ? 'kiosk.setup.newPin' : 'kiosk.setup.pin')} value={pin} onChange={setPin} />
          {isNewPin ? <PinField label={t('kiosk.setup.confirmPin')} value={pinAgain} onChange={setPinAgain} /> : null}
          {problem ? <p role="alert">{t(problem)}</p> : null}
          <div className="form-actions">
            <button type="submit" className="big" disabled={isBusy}>
              {t('kiosk.setup.start')}
            </button>
          </div>
        </form>
      )}
      {isNewPin ? null : <ChangePinForm />}
      {classId && classes.all.length > 0 ? <ReadAloudClips classId={classId} audioDevices={audioDevices} /> : null}
      {lockedClassId === null ? null : (
        <div className="form-actions">
          <TeacherUnlockButton
            hasPin={!isNewPin}
            minDigits={MIN_PIN_DIGITS}
            unlock={(typed) => unlockDevice(store, typed)}
          />
        </div>
      )}
    </section>
  );
}
