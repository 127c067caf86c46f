import type { SyncController } from '#state/sync-controller.ts';

/**
 * A sync controller for screens that call only a few of its methods: those a test gives, the rest refuse
 * ("not used here") or answer as an unconnected tablet would.
 */
export function standInSyncController(given: Partial<SyncController>): SyncController {
  const unused = () => Promise.reject(new Error('not used here'));
  return {
    signIn: unused,
    signUp: unused,
    enroll: unused,
    enrollStation: unused,
    listClasses: unused,
    listDevices: unused,
    newJoinCode: unused,
    revokeDevice: unused,
    changePassword: unused,
    stationSignIn: async () => false,
    stationSignOut: async () => undefined,
    enrollAs: async () => false,
    disconnect: unused,
    syncNow: async () => undefined,
    fetchAttachment: async () => 'notConnected' as const,
    ...given,
  };
}
