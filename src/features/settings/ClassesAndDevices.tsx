import { useId, useState } from 'react';
import type { Connection } from '#db';
import type { ClassSummary, DeviceSummary } from '#protocol';
import { isUnreachable, useSyncController } from '#state/sync-controller.ts';
import { useT } from '#ui/useT.ts';
import { ClassCard } from './ClassCard.tsx';
import { DeviceItem } from './DeviceItem.tsx';
import { groupDevices } from './school-view.ts';
import { useSchoolOverview } from './useSchoolOverview.ts';
import './school.css';

/**
 * For a connected teacher: each class's join code (to type on a station) with "New code", and the
 * tablets joined to each class, each revocable. Online only; says so plainly when the server is away.
 */
export function ClassesAndDevices({ connection }: { connection: Connection }) {
  const { t } = useT();
  const id = useId();
  const controller = useSyncController();
  const { overview, reload } = useSchoolOverview();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    setProblem(null);
    try {
      setNotice(await work());
      await reload();
    } catch (error) {
      setProblem(
        isUnreachable(error)
          ? t('school.actionOffline')
          : t('school.actionFailed', { reason: (error as Error).message }),
      );
    } finally {
      setBusy(false);
    }
  };

  const newCode = (cls: ClassSummary) => {
    if (!window.confirm(t('school.newCodeConfirm', { name: cls.name }))) return;
    void act(async () => {
      const code = await controller.newJoinCode(cls.classId);
      return t('school.newCodeDone', { name: cls.name, code });
    });
  };
  const revoke = (device: DeviceSummary, name: string) => {
    if (!window.confirm(t('school.revokeConfirm', { name }))) return;
    void act(async () => {
      await controller.revokeDevice(device.deviceTokenId);
      return t('school.revokeDone', { name });
    });
  };

  const nowMs = Date.now();
  const groups = overview.state === 'ready' ? groupDevices(overview.classes, overview.devices, nowMs) : null;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('school.title')}</h2>
      <p>{t('school.intro')}</p>
      <p>{t('school.colleagues')}</p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void reload()}>
        {t('school.refresh')}
      </button>
      {notice ? <p role="status">{notice}</p> : null}
      {problem ? <p role="alert">{problem}</p> : null}
      {overview.state === 'loading' ? <p>{t('school.loading')}</p> : null}
      {overview.state === 'offline' ? <p role="alert">{t('school.offline')}</p> : null}
      {overview.state === 'failed' ? <p role="alert">{t('school.failed', { reason: overview.reason })}</p> : null}
      {groups && overview.state === 'ready' ? (
        overview.classes.length === 0 ? (
          <p>{t('school.noClasses')}</p>
        ) : (
          <ul className="school-classes">
            {overview.classes.map((cls) => (
              <ClassCard
                key={cls.classId}
                cls={cls}
                devices={groups.byClass.get(cls.classId) ?? []}
                thisDeviceTokenId={connection.deviceTokenId}
                nowMs={nowMs}
                busy={busy}
                onNewCode={newCode}
                onRevoke={revoke}
              />
            ))}
          </ul>
        )
      ) : null}
      {groups && groups.signIns.length > 0 ? (
        <>
          <h3>{t('school.signIns')}</h3>
          <ul className="device-list">
            {groups.signIns.map((d) => (
              <DeviceItem
                key={d.deviceTokenId}
                device={d}
                isThisDevice={d.deviceTokenId === connection.deviceTokenId}
                nowMs={nowMs}
                busy={busy}
                onRevoke={revoke}
              />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
