import { useEffect, useState } from 'react';
import { makeRoomForMedia, type MediaSpace } from './media-eviction.ts';
import { useStore } from './store-context.tsx';

export interface CaptureRoom extends MediaSpace {
  /** Less than the low-space mark is left even after moving what the server holds off the tablet. */
  readonly isLow: boolean;
}

/**
 * Room for captures, checked when a capture screen opens and after each save (`checkAgain` changes): makes
 * room first (media the server holds leaves the tablet, oldest first), then tells whether little is left.
 */
export function useCaptureRoom(checkAgain: unknown = null): CaptureRoom | null {
  const store = useStore();
  const [room, setRoom] = useState<CaptureRoom | null>(null);
  useEffect(() => {
    let live = true;
    makeRoomForMedia(store, 0)
      .then((space) => live && setRoom(space))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [store, checkAgain]);
  return room;
}
