export {
  createSyncController,
  type DeviceSyncController,
  type EnrollOptions,
  type SyncControllerOptions,
} from './controller.ts';
export { fetchAttachment, type FetchAttachmentResult } from './media-round.ts';
export { syncOnce, type SyncOnceOptions, type SyncOnceResult } from './sync-once.ts';
export { createSyncScheduler, browserSchedulerEnv, type SchedulerEnv, type SyncScheduler } from './scheduler.ts';
export { httpTransport, SyncError, type SyncTransport } from './transport.ts';
export { backoffDelay } from './backoff.ts';
export { signIn, signUp, enroll } from './connect.ts';
export { enrollHandedOver, type HandOver, type HandOverRole } from './hand-over.ts';
export { createFamilyLink, revokeFamilyLink, readFamilyView, readFamilyBlob, familyPageUrl } from './family-links.ts';
export { issueJoinCode, listServerClasses, listServerDevices, revokeDevice } from './school-admin.ts';
