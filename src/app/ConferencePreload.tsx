import { useEffect } from 'react';
import { useParams } from 'react-router-dom';
import { useStore } from '#db';
import { afterFirstPaint } from '#ui/after-first-paint.ts';
import { loadConference, loadConferencePreload } from './screens.ts';

/**
 * Beside a child's page: once it is painted and the tablet is idle, the conference's code and the child's
 * conference read (with the rules run on it), the screen a teacher most often opens from there. A tap on
 * Conference then waits neither for the chunk to come in and be parsed nor, usually, for the read.
 */
export function ConferencePreload() {
  const { studentId = '' } = useParams();
  const store = useStore();
  useEffect(() => {
    let isLive = true;
    let idle: number | null = null;
    const preload = () => {
      void Promise.all([loadConference(), loadConferencePreload()])
        .then(([, reader]) => (isLive ? reader.preloadConference(store, studentId) : undefined))
        .catch(() => undefined);
    };
    const cancelPaint = afterFirstPaint(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(preload, { timeout: 2000 });
      else preload();
    });
    return () => {
      isLive = false;
      cancelPaint();
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [store, studentId]);
  return null;
}
