export { WaypointDb, syncedTable, syncedTableRows } from './database.ts';
export { DB_NAME, SCHEMA_VERSIONS } from './schema.ts';
export type * from './records.ts';
export { isHeldBlob, toDomain } from './records.ts';
export { browserEnv, type StoreEnv } from './env.ts';
export { openStore, newId, nowIso, type Store } from './store.ts';
export { StoreProvider, useStore } from './store-context.tsx';
export { getDeviceId, noteServerTime, readServerOffset, serverNow, type ServerOffset } from './device-clock.ts';
export { writeFields, writeMany, tombstone, ImmutableFieldError, type FieldWrite } from './write-funnel.ts';
export * from './evidence-repository.ts';
export * from './students-repository.ts';
export * from './paths-repository.ts';
export * from './path-plan-repository.ts';
export * from './decisions-repository.ts';
export * from './frameworks-repository.ts';
export * from './classes-repository.ts';
export * from './settings-repository.ts';
export * from './blobs-repository.ts';
export * from './capture-repository.ts';
export * from './demo-repository.ts';
export * from './storage-status.ts';
export * from './media-space.ts';
export * from './media-eviction.ts';
export * from './progress-data.ts';
export type { EvidenceFact } from './evidence-facts.ts';
export {
  CLASS_PROGRESS_TABLES,
  readClassProgress,
  type ClassProgress,
  type ProgressCacheRow,
  type SummaryMaker,
} from './class-progress.ts';
export { applyRemoteChanges } from './merge-remote.ts';
export * from './outbox-repository.ts';
export {
  STATION_KEY,
  MIN_PIN_DIGITS,
  PIN_ATTEMPTS_BEFORE_LOCK,
  PIN_LOCK_MS,
  InvalidPinError,
  getStationSettings,
  isStationModeOn,
  isValidPin,
  hashPin,
  enterStationMode,
  changeStationPin,
  leaveStationMode,
  listStationStudents,
  getStationStudent,
  getTargetClipId,
  setTargetClipId,
  type PinCheck,
  type StationPin,
  type StationSettings,
} from './station-repository.ts';
export * from './device-role-repository.ts';
export * from './app-errors-repository.ts';
export * from './sync-state-repository.ts';
export * from './drafts-repository.ts';
export * from './sync-status-query.ts';
export * from './backup-format.ts';
export * from './backup-restore.ts';
export * from './backup-merge.ts';
export * from './desk-repository.ts';
export { readConference, CONFERENCE_TABLES, type ConferenceRead, type ConferenceVersions } from './conference-read.ts';
export { onTablesChanged } from './table-changes.ts';
export { preloadSuspendingRead, useSuspendingLiveRead } from './useSuspendingLiveRead.ts';
export { useEvidencePage, useEvidencePageFrom, type EvidencePager } from './useEvidencePage.ts';
export { readStudentPage, STUDENT_PAGE_TABLES, type StudentPageRead } from './student-read.ts';
export { useCaptureRoom, type CaptureRoom } from './useCaptureRoom.ts';
export { useAttachment, type AttachmentState, type FetchMissingAttachment } from './useAttachment.ts';
export * from './roster-import.ts';
export * from './case-repository.ts';
export * from './target-edit-repository.ts';
export * from './export-repository.ts';
export * from './family-links-repository.ts';
export * from './not-saved-repository.ts';
export { settleRefusals, restampChanges, type Refusal } from './refusal-settlement.ts';
export { ForbiddenWriteError, isLocalOnlyWrite, writerOf, type ConnectionRole } from './write-access.ts';
export * from './year-rollover.ts';
export * from './person-repository.ts';
export * from './backup-stream.ts';
export * from './backup-read.ts';
export { BackupPieceReader, fileText, type BackupPiece } from './backup-pieces.ts';
export * from './backup-merge-file.ts';
export { settleInterruptedAttachments, ATTACHMENTS_JOURNAL_KEY } from './backup-attachments.ts';
