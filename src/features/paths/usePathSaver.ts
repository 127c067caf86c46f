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

type Entries = readonly PathEntry[];

/**
 * Saves an edit; `saved` says what was done, from the entries as saved when it needs them (a quick second
 * tap may act on a newer path than the screen showed). Resolves with the saved entries, or null if refused.
 */
export type SavePath = (
  edit: (entries: Entries) => Entries,
  saved: string | ((entries: Entries) => string),
) => Promise<Entries | null>;

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
        const entries = await whileBusy(updatePath(store, studentId, edit));
        setState({ kind: 'saved', message: typeof saved === 'string' ? saved : saved(entries) });
        return entries;
      } catch (error) {
        const message =
          error instanceof PathEditError
            ? t(`pathEditor.problem.${error.problem}`)
            : t('pathEditor.failed', { reason: (error as Error).message });
        setState({ kind: 'error', message });
        return null;
      }
    },
    [store, studentId, t],
  );
  return { state, save };
}
