import { useState, type FormEvent } from 'react';
import { useT } from '#ui/useT.ts';

/** A connect form's submit: busy while it runs, and the failure in words (the server's reason). */
export function useAttempt() {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (event: FormEvent, work: () => Promise<void>): Promise<boolean> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(t('sync.failed', { reason: (e as Error).message }));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
