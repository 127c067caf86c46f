import { useState, type FormEvent } from 'react';
import type { PinEntry, PinOutcome } from './TeacherPinFields.tsx';
import { handOverProblem } from './hand-over-problem.ts';
import { useT } from './useT.ts';

/**
 * A form that hands this tablet over behind the teacher PIN (to a student, or as a station): while it
 * works, and what went wrong in the teacher's words.
 */
export function useHandOver(entry: PinEntry) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent, handOver: (pin: string) => Promise<PinOutcome>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await entry.attempt(handOver);
    } catch (error) {
      const { key, params } = handOverProblem(error);
      setProblem(t(key, params));
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, submit };
}
