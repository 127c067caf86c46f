export { createSyncController, type DeviceSyncController, type SyncControllerOptions } from './controller.ts';
export { syncOnce, type SyncOnceOptions, type SyncOnceResult } from './sync-once.ts';
export { createSyncScheduler, browserSchedulerEnv, type SchedulerEnv, type SyncScheduler } from './scheduler.ts';
export { httpTransport, SyncError, type SyncTransport } from './transport.ts';
export { backoffDelay } from './backoff.ts';
export { signIn, enroll } from './connect.ts';
export { createFamilyLink, revokeFamilyLink, readFamilyView, familyPageUrl } from './family-links.ts';
