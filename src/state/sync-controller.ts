import { createContext, useContext } from 'react';
import { create } from 'zustand';
import type { ClassSummary, DeviceSummary, SignUpRequest } from '#protocol';

/** What a teacher hands a connected tablet over to: one child's own tablet, or a station of a class. */
export type HandOverRole =
  | { readonly kind: 'student'; readonly studentId: string; readonly classId: string }
  | { readonly kind: 'station'; readonly classId: string };

/** Joining one class with its join code. A teacher tablet also needs a teacher's email and password. */
export interface EnrollOptions {
  readonly joinCode: string;
  readonly kind: 'teacher' | 'station';
  /** Shown in the teacher's device list, e.g. "Reading corner". */
  readonly deviceName?: string;
  readonly teacher?: { readonly email: string; readonly password: string };
}

/**
 * What screens may ask of sync. The app provides the implementation (src/sync), so features never
 * depend on the sync engine itself. Failures reject with an Error whose `code` says why: 'network' when
 * the server cannot be reached (see isUnreachable), else the server's error code.
 */
export interface SyncController {
  signIn(baseUrl: string, email: string, password: string): Promise<void>;
  /** Creates a school and its first teacher account, then connects as that teacher. */
  signUp(baseUrl: string, account: SignUpRequest): Promise<void>;
  enroll(baseUrl: string, options: EnrollOptions): Promise<void>;
  enrollStation(baseUrl: string, joinCode: string): Promise<void>;
  /** Teacher devices, online only: the classes in scope with their join codes. */
  listClasses(): Promise<readonly ClassSummary[]>;
  /** Teacher devices, online only: device tokens in scope (revoked ones too). */
  listDevices(): Promise<readonly DeviceSummary[]>;
  /** Replaces a class's join code; answers the new code. Devices already enrolled stay enrolled. */
  newJoinCode(classId: string): Promise<string>;
  /** Revokes another device's token. Refuses this device's own token: use disconnect for that. */
  revokeDevice(deviceTokenId: string): Promise<void>;
  /**
   * A teacher's own sign-in, online only: the account's new password. Rejects with code 'wrongPassword',
   * 'weakPassword' (`details[0]`: the PasswordWeakness), 'tooManyRequests', 'network' or another server code;
   * on success the account's other sign-ins have ended and this tablet stays connected.
   */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  /** A child signed in at a station; true when the child's records were fetched (connected stations). */
  stationSignIn(studentId: string): Promise<boolean>;
  stationSignOut(): Promise<void>;
  /**
   * Hands this tablet over on the school server: one child's own device (it then syncs that child only) or
   * a station of a class. Resolves false when the tablet is not connected; rejects with code
   * 'pendingChanges' when the teacher's changes have not all reached the server, 'needsTeacher' when the
   * tablet is not connected as a teacher, 'unknownClass' when the server has no such class for them.
   */
  enrollAs(role: HandOverRole): Promise<boolean>;
  disconnect(): Promise<void>;
  syncNow(): Promise<void>;
  /**
   * Fetches an attachment whose bytes are not on this tablet (moved to the school server to free space, or
   * recorded elsewhere): 'fetched' (or 'held': it is here), 'unavailable' (the server will not give it),
   * 'notConnected'; rejects with code 'network' when the server cannot be reached.
   */
  fetchAttachment(blobId: string): Promise<'held' | 'fetched' | 'unavailable' | 'notConnected'>;
}

/** Whether an error from the SyncController means the server could not be reached (offline). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof Error && (error as Error & { code?: unknown }).code === 'network';
}

export const SyncControllerContext = createContext<SyncController | null>(null);

export function useSyncController(): SyncController {
  const controller = useContext(SyncControllerContext);
  if (!controller) throw new Error('useSyncController needs a SyncControllerContext provider');
  return controller;
}

/** Whether a sync is running right now (UI-only state). */
export const useSyncActivity = create<{ syncing: boolean; setSyncing(syncing: boolean): void }>()((set) => ({
  syncing: false,
  setSyncing: (syncing) => set({ syncing }),
}));
