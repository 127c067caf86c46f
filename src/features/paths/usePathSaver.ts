import { useCallback, useState } from 'react';
import { updatePath, useStore } from '#db';
import type { PathEntry } from '#protocol';
import { whileBusy } from '#state/activity-store.ts';
import { useT } from '#ui/useT.ts';
import { PathEditError } from './path-edits.ts';

export type SaveState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'saved'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export type SavePath = (
  edit: (entries: readonly PathEntry[]) => readonly PathEntry[],
  saved: string,
) => Promise<boolean>;

/**
 * Saves one edit of a student's path and says so only once it is durable. A refused edit (PathEditError)
 * writes nothing and says why.
 */
export function usePathSaver(studentId: string): { state: SaveState; save: SavePath } {
  const store = useStore();
  const { t } = useT();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const save = useCallback<SavePath>(
    async (edit, saved) => {
      setState({ kind: 'saving' });
      try {
        await whileBusy(updatePath(store, studentId, edit));
        setState({ kind: 'saved', message: saved });
        return true;
      } catch (error) {
        const message =
          error instanceof PathEditError
            ? t(`pathEditor.problem.${error.problem}`)
            : t('pathEditor.failed', { reason: (error as Error).message });
        setState({ kind: 'error', message });
        return false;
      }
    },
    [store, studentId, t],
  );
  return { state, save };
}
