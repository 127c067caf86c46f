import { createContext, useContext } from 'react';
import { create } from 'zustand';

/**
 * What screens may ask of sync. The app provides the implementation (src/sync), so features never
 * depend on the sync engine itself.
 */
export interface SyncController {
  signIn(baseUrl: string, email: string, password: string): Promise<void>;
  enrollStation(baseUrl: string, joinCode: string): Promise<void>;
  /** A child signed in at a station; true when the child's records were fetched (connected stations). */
  stationSignIn(studentId: string): Promise<boolean>;
  stationSignOut(): Promise<void>;
  disconnect(): Promise<void>;
  syncNow(): Promise<void>;
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
