import { useState, type FormEvent } from 'react';
import { useT } from '#ui/useT.ts';
import { connectProblem, type ConnectForm } from './connect-problem.ts';

/** A connect form's submit: busy while it runs, and the failure in plain words (connect-problem.ts). */
export function useAttempt(form: ConnectForm) {
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
      const problem = connectProblem(e, form);
      setError(t(problem.key, problem.params));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
