import { useLiveQuery } from 'dexie-react-hooks';
import { getStationSettings, useStore } from '#db';
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

/** A shared tablet: the teacher sets it up with a PIN, then children sign in by picture. */
export default function StationPage({
  idleMs = DEFAULT_IDLE_MS,
  random = Math.random,
  now = () => new Date(),
  audioDevices,
}: StationPageProps) {
  const { t } = useT();
  const store = useStore();
  const settings = useLiveQuery(() => getStationSettings(store), [store]);
  if (settings === undefined) return <p role="status">{t('common.loading')}</p>;
  if (!settings.isOn) return <StationSetup settings={settings} audioDevices={audioDevices} />;
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
