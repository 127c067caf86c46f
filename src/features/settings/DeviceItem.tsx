import { useLiveQuery } from 'dexie-react-hooks';
import type { DeviceStatus, DeviceSummary } from '#protocol';
import { getStudent, MEDIA_SPACE_POLICY, useStore } from '#db';
import { formatBytes } from '#ui/format-bytes.ts';
import { useT } from '#ui/useT.ts';
import { deviceStatus } from './school-view.ts';

interface DeviceItemProps {
  readonly device: DeviceSummary;
  /** This tablet's own connection: never revoked from here (Disconnect does that). */
  readonly isThisDevice: boolean;
  readonly nowMs: number;
  readonly busy: boolean;
  readonly onRevoke: (device: DeviceSummary, name: string) => void;
}

/** One enrolled tablet or teacher sign-in: what it is, since when, who is signed in, and whether it works. */
export function DeviceItem({ device, isThisDevice, nowMs, busy, onRevoke }: DeviceItemProps) {
  const { t, language } = useT();
  const store = useStore();
  const studentId = device.signedInStudentId;
  // The child's name comes from this tablet's own copy of the class; the server list only has the id.
  const child = useLiveQuery(
    async () => (studentId ? ((await getStudent(store, studentId)) ?? null) : null),
    [store, studentId],
  );
  const status = deviceStatus(device, nowMs);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const kind = device.classId === null && device.kind === 'teacher' ? 'signIn' : device.kind;
  const name = device.deviceName ?? (kind === 'signIn' ? t('school.kind.signIn') : t('school.unnamed'));

  return (
    <li className={`device device-${status}`}>
      <div className="device-head">
        <span className="device-name">{name}</span>
        <span className="tag">{t(`school.kind.${kind}`)}</span>
        {isThisDevice ? <span className="tag tag-strong">{t('school.thisDevice')}</span> : null}
      </div>
      <p className="device-meta">
        {t('school.joined', { date: date.format(new Date(device.createdAt)) })}
        {studentId && child !== undefined ? (
          <>
            {' · '}
            {child ? t('school.child', { name: child.displayName }) : t('school.someChild')}
          </>
        ) : null}
      </p>
      <p className={`device-status device-status-${status}`}>
        <span aria-hidden="true">{status === 'active' ? '● ' : '○ '}</span>
        {status === 'active'
          ? t('school.active')
          : status === 'expired'
            ? t('school.expired')
            : t('school.revokedOn', { date: date.format(new Date(device.revokedAt!)) })}
      </p>
      {status === 'active' && device.status ? <DeviceSpace report={device.status} /> : null}
      {status !== 'active' ? null : isThisDevice ? (
        <p className="muted">{t('school.thisDeviceHint')}</p>
      ) : (
        <button
          type="button"
          className="danger"
          disabled={busy}
          aria-label={t('school.revokeLabel', { name })}
          onClick={() => onRevoke(device, name)}
        >
          {t('school.revoke')}
        </button>
      )}
    </li>
  );
}

/** What the tablet reported with its last sync: free space and what still waits to reach the server. */
function DeviceSpace({ report }: { report: DeviceStatus }) {
  const { t, language } = useT();
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const bytes = (n: number) => formatBytes(n, language);
  const isLow = report.freeBytes !== null && report.freeBytes < MEDIA_SPACE_POLICY.reserveMinBytes;
  return (
    <p className="device-space" data-testid="device-space">
      {isLow ? <span className="tag tag-strong">{t('school.lowSpace')}</span> : null}{' '}
      {report.freeBytes !== null && report.usedBytes !== null
        ? t('school.space', { free: bytes(report.freeBytes), used: bytes(report.usedBytes) })
        : t('school.spaceUnknown')}
      {' · '}
      {t('school.uploads', { count: report.pendingUploads ?? 0, size: bytes(report.pendingUploadBytes ?? 0) })}
      {' · '}
      {t('school.changes', { count: report.pendingChanges ?? 0 })}
      {' · '}
      {t('school.reported', { date: date.format(new Date(report.reportedAt)) })}
    </p>
  );
}
