import type { SyncController } from '#state/sync-controller.ts';
import type { DeviceSyncController, SyncControllerOptions } from '#sync';

type LoadEngine = (options: SyncControllerOptions) => Promise<DeviceSyncController>;

const loadEngine: LoadEngine = async (options) => (await import('#sync')).createSyncController(options);

/**
 * The sync engine (src/sync and the store's sync-only parts: refusals, merging pulled changes, media
 * rounds) in a chunk of its own, loaded once `startAfter` resolves (in the app: its first screen painted,
 * src/ui/first-screen.ts): the class page reads the tablet's own store and needs none of it. Screens get the controller at once; a call made
 * before the engine has loaded waits for it. A device connected before resumes syncing once it is in.
 */
export function lazySyncController(
  options: SyncControllerOptions,
  load: LoadEngine = loadEngine,
  startAfter: Promise<void> = Promise.resolve(),
): SyncController {
  const engine = startAfter.then(() => load(options));
  void engine.then((sync) => sync.resume());
  return {
    signIn: async (baseUrl, email, password) => (await engine).signIn(baseUrl, email, password),
    signUp: async (baseUrl, account) => (await engine).signUp(baseUrl, account),
    enroll: async (baseUrl, enrollOptions) => (await engine).enroll(baseUrl, enrollOptions),
    enrollStation: async (baseUrl, joinCode) => (await engine).enrollStation(baseUrl, joinCode),
    listClasses: async () => (await engine).listClasses(),
    listDevices: async () => (await engine).listDevices(),
    newJoinCode: async (classId) => (await engine).newJoinCode(classId),
    revokeDevice: async (deviceTokenId) => (await engine).revokeDevice(deviceTokenId),
    changePassword: async (current, next) => (await engine).changePassword(current, next),
    stationSignIn: async (studentId) => (await engine).stationSignIn(studentId),
    stationSignOut: async () => (await engine).stationSignOut(),
    enrollAs: async (role) => (await engine).enrollAs(role),
    disconnect: async () => (await engine).disconnect(),
    syncNow: async () => (await engine).syncNow(),
    fetchAttachment: async (blobId) => (await engine).fetchAttachment(blobId),
  };
}
