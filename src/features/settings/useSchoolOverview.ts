import { useCallback, useEffect, useState } from 'react';
import type { ClassSummary, DeviceSummary } from '#protocol';
import { isUnreachable, useSyncController } from '#state/sync-controller.ts';

export type SchoolOverview =
  | { readonly state: 'loading' }
  | { readonly state: 'offline' }
  | { readonly state: 'failed'; readonly reason: string }
  | { readonly state: 'ready'; readonly classes: readonly ClassSummary[]; readonly devices: readonly DeviceSummary[] };

/**
 * The server's classes (with join codes) and devices, fetched when shown and on reload. Nothing is kept
 * on the device: join codes and device lists are the server's to tell. A reload keeps the last answer
 * on screen until the new one arrives.
 */
export function useSchoolOverview(): { overview: SchoolOverview; reload: () => Promise<void> } {
  const controller = useSyncController();
  const [overview, setOverview] = useState<SchoolOverview>({ state: 'loading' });

  const reload = useCallback(async () => {
    try {
      const [classes, devices] = await Promise.all([controller.listClasses(), controller.listDevices()]);
      setOverview({ state: 'ready', classes, devices });
    } catch (error) {
      setOverview(isUnreachable(error) ? { state: 'offline' } : { state: 'failed', reason: (error as Error).message });
    }
  }, [controller]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { overview, reload };
}
