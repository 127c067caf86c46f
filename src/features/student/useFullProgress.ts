import { useState } from 'react';
import { listEvidenceFacts, useStore, type StudentPageRead } from '#db';
import type { StudentProgress } from '#rules';
import { evaluateProgress } from '#ui/progress-input.ts';
import { useAfterPaint } from '#ui/useAfterPaint.ts';

/**
 * The rules' whole answer for the child of a page read (every target's status, for the path map and list),
 * made after the page has painted from its summary: the rules over a year of evidence facts no longer hold
 * the first frame. The same rules module as every screen (evaluateProgress), so it agrees with the summary,
 * which was made from its answer. null until the first answer; after a new read, the last answer until the
 * new one is made.
 */
export function useFullProgress<S>(page: StudentPageRead<S>): StudentProgress | null {
  const store = useStore();
  const [progress, setProgress] = useState<StudentProgress | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  useAfterPaint(
    (signal) => {
      const evaluate = async () => {
        const source = page.progressData ?? {
          ...page.data,
          evidence: await listEvidenceFacts(store, page.data.student.id),
        };
        if (!signal.aborted) setProgress(evaluateProgress(source, new Date()));
      };
      evaluate().catch((failure: unknown) => {
        if (!signal.aborted) setError(failure);
      });
    },
    [store, page],
  );
  // For the error boundary, as the page's own read does.
  if (error !== undefined) throw error;
  return progress;
}
