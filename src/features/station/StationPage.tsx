import { useLiveQuery } from 'dexie-react-hooks';
import { getDeviceRole, getStationSettings, useStore } from '#db';
import type { AudioDevices } from '#ui/capture/index.ts';
import { useT } from '#ui/useT.ts';
import { StationKiosk } from './StationKiosk.tsx';
import { StationSetup } from './StationSetup.tsx';
import './station.css';

/** Ninety seconds untouched on a child's home hands the tablet back to the picture grid. */
export const DEFAULT_IDLE_MS = 90_000;

export interface StationPageProps {
  /** Idle time on a child's home before the station returns to the grid. */
  readonly idleMs?: number;
  /** Shuffles the confirming pictures; injected so tests are deterministic. */
  readonly random?: () => number;
  readonly now?: () => Date;
  /** Microphone and recorder; the browser's when absent. */
  readonly audioDevices?: AudioDevices;
}

/**
 * A shared tablet: the teacher sets it up with a PIN, then children sign in by picture. On a tablet locked
 * to a station (joined to a class as a station, or locked in Settings) the set-up is for that class only,
 * and only the teacher PIN unlocks the tablet.
 */
export default function StationPage({
  idleMs = DEFAULT_IDLE_MS,
  random = Math.random,
  now = () => new Date(),
  audioDevices,
}: StationPageProps) {
  const { t } = useT();
  const store = useStore();
  const state = useLiveQuery(
    async () => ({ settings: await getStationSettings(store), role: await getDeviceRole(store) }),
    [store],
  );
  if (state === undefined) return <p role="status">{t('common.loading')}</p>;
  const { settings, role } = state;
  if (!settings.isOn) {
    return (
      <StationSetup
        settings={settings}
        lockedClassId={role.kind === 'station' ? (role.classId ?? '') : null}
        audioDevices={audioDevices}
      />
    );
  }
  return (
    <StationKiosk
      showNames={settings.showNames}
      idleMs={idleMs}
      random={random}
      now={now}
      audioDevices={audioDevices}
    />
  );
}
