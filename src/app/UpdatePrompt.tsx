import { useEffect, useRef, useState } from 'react';
import { useT } from '#ui/useT.ts';
import { useActivityStore } from '#state/activity-store.ts';
import { registerServiceWorker, type OfflineProblem } from './register-service-worker.ts';

/**
 * Shows "update available" when a new version is waiting. Applying it reloads the page, so it waits
 * until no write or sync is in flight. It also says when the app could not be set up for offline use (the
 * insecure case has its own notice, InsecureContextNotice).
 */
export function UpdatePrompt() {
  const { t } = useT();
  const [needRefresh, setNeedRefresh] = useState(false);
  const [requested, setRequested] = useState(false);
  const [problem, setProblem] = useState<OfflineProblem | null>(null);
  const busy = useActivityStore((s) => s.busy);
  const update = useRef<((reload?: boolean) => Promise<void>) | null>(null);

  useEffect(() => {
    update.current = registerServiceWorker({ onNeedRefresh: () => setNeedRefresh(true), onProblem: setProblem });
  }, []);

  useEffect(() => {
    if (requested && busy === 0) void update.current?.(true);
  }, [requested, busy]);

  if (problem && problem.kind !== 'insecure') {
    return (
      <div className="banner" role="alert">
        <span>
          {problem.kind === 'failed' ? t('offline.failed', { reason: problem.reason }) : t('offline.unsupported')}
        </span>
        <button type="button" className="secondary" onClick={() => setProblem(null)}>
          {t('insecure.hide')}
        </button>
      </div>
    );
  }
  if (!needRefresh) return null;
  return (
    <div className="banner" role="alert">
      <span>{requested && busy > 0 ? t('update.waiting') : t('update.available')}</span>
      <button type="button" onClick={() => setRequested(true)} disabled={requested}>
        {t('update.apply')}
      </button>
      <button type="button" className="secondary" onClick={() => setNeedRefresh(false)}>
        {t('update.later')}
      </button>
    </div>
  );
}
