import { useId } from 'react';
import type { ClassSummary, DeviceSummary } from '#protocol';
import { useT } from '#ui/useT.ts';
import { DeviceItem } from './DeviceItem.tsx';
import { JoinCode } from './JoinCode.tsx';

interface ClassCardProps {
  readonly cls: ClassSummary;
  readonly devices: readonly DeviceSummary[];
  readonly thisDeviceTokenId: string;
  readonly nowMs: number;
  readonly busy: boolean;
  readonly onNewCode: (cls: ClassSummary) => void;
  readonly onRevoke: (device: DeviceSummary, name: string) => void;
}

/** One class: its join code with "New code", and the tablets joined to it. */
export function ClassCard({ cls, devices, thisDeviceTokenId, nowMs, busy, onNewCode, onRevoke }: ClassCardProps) {
  const { t } = useT();
  const id = useId();
  return (
    <li className="school-class" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>{cls.name}</h3>
      <div className="join-code-row">
        <JoinCode code={cls.joinCode} />
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-label={t('school.newCodeFor', { name: cls.name })}
          onClick={() => onNewCode(cls)}
        >
          {t('school.newCode')}
        </button>
      </div>
      <h4>{t('school.devices', { name: cls.name })}</h4>
      {devices.length === 0 ? (
        <p className="muted">{t('school.noDevices')}</p>
      ) : (
        <ul className="device-list">
          {devices.map((d) => (
            <DeviceItem
              key={d.deviceTokenId}
              device={d}
              isThisDevice={d.deviceTokenId === thisDeviceTokenId}
              nowMs={nowMs}
              busy={busy}
              onRevoke={onRevoke}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
